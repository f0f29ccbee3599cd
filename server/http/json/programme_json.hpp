#pragma once
#include "domain/programme.hpp"
#include "json/json_writer.hpp"
#include "services/get_programme.hpp"

namespace diplomado {

void write(JsonWriter& json, const LocalizedText& text);
void write(JsonWriter& json, const ProgrammeSummary& programme);
void write(JsonWriter& json, const services::ProgrammeDetail& detail);
void write(JsonWriter& json, const TeamView& team);

}  // namespace diplomado
