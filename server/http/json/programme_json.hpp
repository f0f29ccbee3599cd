#pragma once
#include "domain/programme.hpp"
#include "json/json_writer.hpp"
#include "services/get_programme.hpp"
#include "services/manage_programmes.hpp"

namespace diplomado {

void write(JsonWriter& json, const LocalizedText& text);
void write(JsonWriter& json, const ProgrammeSummary& programme);
void write(JsonWriter& json, const services::ProgrammeDetail& detail);
void write(JsonWriter& json, const TeamView& team);
void write(JsonWriter& json, const Programme& programme);
void write(JsonWriter& json, const services::NamedCoordinator& coordinator);
void write(JsonWriter& json, const services::CreatedProgramme& created);
void write(JsonWriter& json, const services::SetupChecklist& checklist);
void write(JsonWriter& json, const CountryInfo& country);

}  // namespace diplomado
