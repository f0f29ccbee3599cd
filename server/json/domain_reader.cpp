#include "json/domain_reader.hpp"

#include "domain/programme_rules.hpp"

namespace diplomado {

// The bounds stop abuse only; the rules (weights, a maximum above zero, a known kind) are the
// domain's, which names them in the user's language.
void describe(BodyReader& reader, AssessmentSeed& assessment) {
  reader.required("code", assessment.code, {.max_length = 50})
      .nullable("module", assessment.module, {.min = 1, .max = 1000})
      .required("kind", assessment.kind, {.max_length = 50})
      .required("title", assessment.title)
      .required("max_score", assessment.max_score, {.max = 1e6})
      .optional("weight", assessment.weight, {.max = 1e6})
      .optional("due_date", assessment.due_date, {.max_length = 10});
}

void describe(BodyReader& reader, GradingPolicy& policy) {
  reader.optional("module_pass_mark", policy.module_pass_mark)
      .optional("rounding_decimals", policy.rounding_decimals)
      .optional("attendance_threshold", policy.attendance_threshold)
      .nullable("module_attendance_threshold", policy.module_attendance_threshold)
      .nullable("minimum_final_grade", policy.minimum_final_grade)
      .optional("require_all_modules", policy.require_all_modules)
      .optional("require_project", policy.require_project)
      .choice("missing_grade", policy.missing_grade, parse_missing_grade)
      .choice("excused_absence", policy.excused, parse_excused_absence);
}

// A programme as the API's body and the programme file give it (docs/programme-file.md). The
// bounds stop abuse; the rules (a known country, zone and locale, dates in order, hours not
// negative) are domain/programme_rules', which names each in the user's language.
void describe(BodyReader& reader, Organisation& organisation) {
  reader.required("role", organisation.role, {.max_length = 20}).required("name", organisation.name).optional("acronym", organisation.acronym, {.max_length = 50});
}

void describe(BodyReader& reader, Module& module) {
  reader.required("title", module.title)
      .optional("hours", module.hours, {.min = -1e6, .max = 1e6})
      .optional("pass_mark", module.pass_mark, {.min = -1e6, .max = 1e6})
      .optional("weight", module.weight, {.min = 0, .max = 1e6})
      .optional("illustrative", module.illustrative)
      .read_only({"id", "position"});
}

void describe(BodyReader& reader, Programme& programme) {
  programme.modality = "in_person";
  reader.required("code", programme.code, {.max_length = 100})
      .required("title", programme.title)
      .optional("description", programme.description)
      .required("country", programme.country, {.max_length = 10})
      .required("time_zone", programme.time_zone, {.max_length = 100})
      .optional("locale", programme.locale, {.max_length = 20})
      .choice("status", programme.status, parse_programme_status)
      .optional("start_date", programme.start_date, {.max_length = 10})
      .optional("end_date", programme.end_date, {.max_length = 10})
      .optional("modality", programme.modality, {.max_length = 20})
      .optional("sdgs", programme.sdgs, {.min = -1000, .max = 1000, .max_items = 17})
      .optional("organisations", programme.organisations, {.max_items = 20})
      .optional("modules", programme.modules, {.max_items = 100})
      .read_only({"id", "version", "counts"});
  if (programme.locale.empty()) programme.locale = default_locale(programme.country);
}

// A certificate's signatory: a name and a title in each language.
void describe(BodyReader& reader, Signatory& signatory) {
  reader.required("name", signatory.name, {.max_length = 200}).required("title", signatory.title);
}

// Closing (issue 14): the ceremony, its guests, the survey's questions.
void describe(BodyReader& body, CeremonyItem& item) { body.required("at", item.at, {.max_length = 5}).required("title", item.title); }

void describe(BodyReader& body, Ceremony& ceremony) {
  body.optional("starts_at", ceremony.starts_at, {.max_length = 16})
      .optional("venue", ceremony.venue, {.max_length = 300})
      .optional("run_of_show", ceremony.run_of_show, {.max_items = 100})
      .read_only({"version"});
}

void describe(BodyReader& body, Guest& guest) {
  body.required("name", guest.name, {.max_length = 200})
      .optional("title", guest.title)
      .optional("institution", guest.institution, {.max_length = 300})
      .required("precedence", guest.precedence, {.min = -1e6, .max = 1e6})  // the domain names the range
      .optional("authority", guest.authority)
      .choice("rsvp", guest.rsvp, parse_rsvp)
      .read_only({"id", "checked_in_at", "version"});
}

void describe(BodyReader& body, SurveyQuestion& question) {
  body.choice("kind", question.kind, parse_question_kind, Presence::required)
      .required("text", question.text)
      .optional("scale_min", question.scale_min, {.min = 0, .max = 10})
      .optional("scale_max", question.scale_max, {.min = 0, .max = 10})
      .read_only({"id"});
}

}  // namespace diplomado
