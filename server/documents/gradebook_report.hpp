#pragma once
// The gradebook and the knowledge gain as JSON: the same for `diplomado gradebook|gain` and the API.
#include <string>

#include "json/json_writer.hpp"
#include "services/get_gradebook.hpp"

namespace diplomado::documents {

// "programme" is the programme's code, over the API as in the CLI.
std::string gradebook_json(const services::Gradebook& gradebook);
// One row per enrolment, for the donor's analysts: machine-readable headers, numbers with a point.
std::string gradebook_csv(const services::Gradebook& gradebook);
// Observers get no per-participant rows (the service leaves them out).
std::string knowledge_gain_json(const services::KnowledgeGainReport& report);
// The grading policy as the gradebook and the policy route answer it.
void write(JsonWriter& json, const GradingPolicy& policy);

}  // namespace diplomado::documents
