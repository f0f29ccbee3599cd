#pragma once
#include "domain/participant_import.hpp"
#include "domain/programme.hpp"
#include "json/json_writer.hpp"

namespace diplomado {

void write(JsonWriter& json, const InstitutionRecord& institution);
void write(JsonWriter& json, const SubdivisionCandidate& subdivision);

}  // namespace diplomado
