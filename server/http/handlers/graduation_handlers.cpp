// Graduation (issue 13): eligibility with its what-if, overrides and the class's graduation.
#include <charconv>

#include "documents/eligibility_report.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/problem.hpp"
#include "services/decide_graduation.hpp"

namespace diplomado::http {
namespace {

struct OverrideBody {
  GraduationOverride decision = GraduationOverride::graduate;
  std::string justification;
};
void describe(BodyReader& body, OverrideBody& value) {
  body.choice("decision", value.decision, parse_graduation_override, Presence::required)
      .required("justification", value.justification, {.max_length = 4000});
}

struct GraduationBody {
  bool dry_run = false;
};
void describe(BodyReader& body, GraduationBody& value) { body.optional("dry_run", value.dry_run); }

}  // namespace

// ?attendance=&module_attendance=&final_grade=&pass_mark=: the what-if thresholds (percentages);
// ?enrollment_id=: one row (the person page). ?format=csv: the rows as a file (?lang=es|en).
HttpResponse handle_get_eligibility(RequestContext& context) {
  WhatIf what_if;
  for (const auto* name : {"attendance", "module_attendance", "final_grade", "pass_mark"}) {
    const auto value = context.query_value(name);
    if (!value || value->empty()) continue;
    if (auto added = add_what_if_term(what_if, std::string(name) + "=" + std::string(*value)); !added) {
      auto error = added.error();
      for (auto& detail : error.details) detail.field = name;
      return problem_response(error, context.language);
    }
  }
  std::optional<Id> enrollment;
  if (const auto text = context.query_value("enrollment_id")) {
    Id id = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (error != std::errc{} || end != text->data() + text->size() || id <= 0)
      return problem_response(field_error("enrollment_id", "not_positive_integer", "error.field.positive_integer", std::string(*text)), context.language);
    enrollment = id;
  }
  const auto format = std::string(context.query_value("format").value_or("json"));
  if (format != "json" && format != "csv") return problem_response(field_error("format", "unknown_format", "error.field.export_format", format), context.language);
  auto report = services::get_eligibility(context.store(), context.actor, programme_id_of(context), what_if, enrollment);
  if (!report) return problem_response(report.error(), context.language);
  if (format == "csv") {
    // The same file as `diplomado eligibility --format csv`, reasons in the reader's language.
    const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
    return file_response(documents::eligibility_csv(*report, language), "text/csv; charset=utf-8",
                         translate("graduation.export.file_name", language) + "-" + report->programme_code + ".csv");
  }
  return json_response(200, documents::eligibility_json(*report));
}

// Body: {"decision": "graduate" | "withhold", "justification": "..."}.
HttpResponse handle_set_graduation_override(RequestContext& context) {
  const auto enrollment_id = path_id(context, "enrollment_id");
  if (!enrollment_id) return bad_path_id(context, "enrollment_id");
  auto body = read_body<OverrideBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto record = services::set_graduation_override(context.store(), *context.actor, programme_id_of(context), *enrollment_id, body->decision,
                                                  body->justification, context.app.now());
  if (!record) return problem_response(record.error(), context.language);
  return json_response(200, documents::graduation_override_json(*record));
}

HttpResponse handle_clear_graduation_override(RequestContext& context) {
  const auto enrollment_id = path_id(context, "enrollment_id");
  if (!enrollment_id) return bad_path_id(context, "enrollment_id");
  auto cleared = services::clear_graduation_override(context.store(), *context.actor, programme_id_of(context), *enrollment_id, context.app.now());
  if (!cleared) return problem_response(cleared.error(), context.language);
  return HttpResponse{204, "application/json", "", {}};
}

// Body: {"dry_run": true} to see who would graduate; {} graduates them.
HttpResponse handle_graduate_class(RequestContext& context) {
  auto body = read_body<GraduationBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  const auto dry_run = body->dry_run ? services::DryRun::yes : services::DryRun::no;
  auto result = services::graduate_class(context.store(), context.actor, programme_id_of(context), dry_run, context.app.now());
  if (!result) return problem_response(result.error(), context.language);
  return json_response(200, documents::graduation_json(*result));
}

}  // namespace diplomado::http
