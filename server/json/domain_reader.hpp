#pragma once
// How the domain's own values read from JSON, for every adapter that takes them (a request body,
// a programme file): declared once, so the API and the CLI accept the same shapes.
#include "domain/gradebook.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"
#include "json/json_reader.hpp"

namespace diplomado {

// {"code", "module": N | null, "kind", "title": {"es", "en"}, "max_score", "weight", "due_date"}
void describe(BodyReader& reader, AssessmentSeed& assessment);
// The grading policy, every member named as in the gradebook's "policy"; a member left out keeps
// its value.
void describe(BodyReader& reader, GradingPolicy& policy);

}  // namespace diplomado
