#pragma once
// The gradebook and the knowledge gain as JSON: the same for `diplomado gradebook|gain` and the API.
#include <string>

#include "documents/table_writer.hpp"
#include "json/json_writer.hpp"
#include "services/get_gradebook.hpp"

namespace diplomado::documents {

// "programme" is the programme's code, over the API as in the CLI.
std::string gradebook_json(const services::Gradebook& gradebook);
// One row per enrolment, for the donor's analysts: machine-readable headers, numbers with a point.
std::string gradebook_csv(const services::Gradebook& gradebook);
// What the gradebook screen shows, as people read it: headers and values in their language,
// every reason a row falls short written out.
Table gradebook_table(const services::Gradebook& gradebook, Language language);
std::string shortfall_text(const RequirementGap& gap, Language language);
// Observers get no per-participant rows (the service leaves them out).
std::string knowledge_gain_json(const services::KnowledgeGainReport& report);
// The grading policy as the gradebook and the policy route answer it.
void write(JsonWriter& json, const GradingPolicy& policy);

}  // namespace diplomado::documents
