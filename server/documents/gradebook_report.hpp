#pragma once
// The gradebook and the knowledge gain as JSON: the same for `diplomado gradebook|gain` and the API.
#include <string>

#include "services/get_gradebook.hpp"

namespace diplomado::documents {

std::string gradebook_json(const services::Gradebook& gradebook, const std::string& programme_code);
// One row per enrolment, for the donor's analysts: machine-readable headers, numbers with a point.
std::string gradebook_csv(const services::Gradebook& gradebook);
// Observers get no per-participant rows (the service leaves them out).
std::string knowledge_gain_json(const services::KnowledgeGainReport& report, const std::string& programme_code);

}  // namespace diplomado::documents
