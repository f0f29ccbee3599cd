#pragma once
// How the domain's own values read from JSON, for every adapter that takes them (a request body,
// a programme file): declared once, so the API and the CLI accept the same shapes.
#include "domain/certificate.hpp"
#include "domain/closing.hpp"
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

// A programme's own description (no people): the API's body and the programme file's "programme".
// Modules may carry their "id" and "position" as read; both are ignored.
void describe(BodyReader& reader, Organisation& organisation);
void describe(BodyReader& reader, Module& module);
void describe(BodyReader& reader, Programme& programme);
void describe(BodyReader& reader, Signatory& signatory);
void describe(BodyReader& reader, CeremonyItem& item);
void describe(BodyReader& reader, Ceremony& ceremony);
void describe(BodyReader& reader, Guest& guest);
void describe(BodyReader& reader, SurveyQuestion& question);

// The members an institution has wherever it is read (the API's body, a reference file); a level
// left out is national.
template <class Institution>
void describe_institution(BodyReader& reader, Institution& institution, std::vector<std::string>& aliases) {
  institution.level = "national";
  reader.optional("country", institution.country, {.max_length = 2})
      .optional("acronym", institution.acronym, {.max_length = 50})
      .optional("sector", institution.sector, {.max_length = 100})
      .optional("level", institution.level, {.max_length = 20})
      .optional("valid_from", institution.valid_from, {.max_length = 10})
      .optional("valid_to", institution.valid_to, {.max_length = 10})
      .optional("aliases", aliases, {.max_length = 300, .max_items = 100});
}

}  // namespace diplomado
