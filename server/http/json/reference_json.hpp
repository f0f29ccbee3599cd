#pragma once
#include "domain/participant_import.hpp"
#include "domain/programme.hpp"
#include "http/json/json_writer.hpp"

namespace diplomado::http {

void write(JsonWriter& json, const InstitutionRecord& institution);
void write(JsonWriter& json, const SubdivisionCandidate& subdivision);

}  // namespace diplomado::http
