// Teaching over HTTP (issue 3): the gradebook, the knowledge gain, a grade, a session's attendance.
#include <algorithm>
#include <charconv>
#include <map>

#include "documents/gradebook_report.hpp"
#include "documents/import_report.hpp"
#include "documents/table_reader.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/teaching_json.hpp"
#include "json/domain_reader.hpp"
#include "http/problem.hpp"
#include "services/assign_instructors.hpp"
#include "services/get_gradebook.hpp"
#include "services/import_grades.hpp"
#include "services/manage_assessments.hpp"
#include "services/manage_sessions.hpp"
#include "services/record_teaching.hpp"

namespace diplomado {

// How this file's bodies read into domain and service types; BodyReader finds them here, in
// its own namespace (json/json_reader.hpp).

// Body: {"module": 1, "title": {"es", "en"}, "starts_at", "ends_at", "place", "online_link"}.
static void describe(BodyReader& body, services::NewSession& session) {
  body.required("module", session.module, {.min = 1, .max = 1000})
      .required("title", session.title)
      .required("starts_at", session.starts_at, {.max_length = 40})
      .required("ends_at", session.ends_at, {.max_length = 40})
      .optional("place", session.place, {.max_length = 300})
      .optional("online_link", session.online_link, {.max_length = 2000});
}

}  // namespace diplomado

namespace diplomado::http {

HttpResponse handle_get_grade_grid(RequestContext& context) {
  const auto position = path_id(context, "module");
  if (!position) return bad_path_id(context, "module");
  auto grid = services::get_grade_grid(context.store(), *context.actor, programme_id_of(context), static_cast<int>(std::min<Id>(*position, 1000)));
  if (!grid) return problem_response(grid.error(), context.language);
  JsonWriter json;
  write(json, *grid);
  return json_response(200, json.take());
}

HttpResponse handle_list_sessions(RequestContext& context) {
  auto sessions = services::list_sessions(context.store(), *context.actor, programme_id_of(context));
  if (!sessions) return problem_response(sessions.error(), context.language);
  return json_response(200, whole_list_json(*sessions));
}

struct GradeBody {
  NumberOrText score;
};
static void describe(BodyReader& body, GradeBody& grade) { body.required("score", grade.score, {.max_length = 50}); }

struct AttendanceBody {
  std::map<std::string, std::string> exceptions;  // enrolment id → "late" | "excused" | "absent"
};
static void describe(BodyReader& body, AttendanceBody& attendance) { body.optional("exceptions", attendance.exceptions, {.max_length = 20, .max_items = 100'000}); }

struct InstructorModulesBody {
  std::vector<int> modules;
};
static void describe(BodyReader& body, InstructorModulesBody& instructor) { body.required("modules", instructor.modules, {.min = 1, .max = 1000}); }

HttpResponse handle_create_session(RequestContext& context) {
  auto body = read_body<services::NewSession>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto created = services::create_session(context.store(), *context.actor, programme_id_of(context), *body, context.app.now());
  if (!created) return problem_response(created.error(), context.language);
  return versioned_response(201, *created);
}

HttpResponse handle_update_session(RequestContext& context) {
  const auto session_id = path_id(context, "session_id");
  if (!session_id) return bad_path_id(context, "session_id");
  auto body = read_body<services::NewSession>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto updated = services::update_session(context.store(), *context.actor, programme_id_of(context), *session_id, *body, *version, context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  return versioned_response(200, *updated);
}

HttpResponse handle_delete_session(RequestContext& context) {
  const auto session_id = path_id(context, "session_id");
  if (!session_id) return bad_path_id(context, "session_id");
  auto removed = services::delete_session(context.store(), *context.actor, programme_id_of(context), *session_id, context.app.now());
  if (!removed) return problem_response(removed.error(), context.language);
  return HttpResponse{204, "application/json", "", {}};
}

HttpResponse handle_list_assessments(RequestContext& context) {
  auto assessments = services::list_assessments(context.store(), *context.actor, programme_id_of(context));
  if (!assessments) return problem_response(assessments.error(), context.language);
  return json_response(200, whole_list_json(*assessments));
}

HttpResponse handle_update_assessment(RequestContext& context) {
  const auto assessment_id = path_id(context, "assessment_id");
  if (!assessment_id) return bad_path_id(context, "assessment_id");
  auto body = read_body<AssessmentSeed>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto updated = services::update_assessment(context.store(), *context.actor, programme_id_of(context), *assessment_id, *body, *version,
                                             context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  return versioned_response(200, *updated);
}

HttpResponse handle_delete_assessment(RequestContext& context) {
  const auto assessment_id = path_id(context, "assessment_id");
  if (!assessment_id) return bad_path_id(context, "assessment_id");
  auto removed = services::delete_assessment(context.store(), *context.actor, programme_id_of(context), *assessment_id, context.app.now());
  if (!removed) return problem_response(removed.error(), context.language);
  return HttpResponse{204, "application/json", "", {}};
}

HttpResponse handle_create_assessment(RequestContext& context) {
  auto body = read_body<AssessmentSeed>(context);
  if (!body) return problem_response(body.error(), context.language);
  const AssessmentSeed& assessment = *body;
  auto id = services::create_assessment(context.store(), *context.actor, programme_id_of(context), assessment, context.app.now());
  if (!id) return problem_response(id.error(), context.language);
  JsonWriter json;
  json.begin_object().field("id", *id).field("code", assessment.code).end_object();
  return json_response(201, json.take());
}

HttpResponse handle_update_grading_policy(RequestContext& context) {
  auto policy = read_body<GradingPolicy>(context);
  if (!policy) return problem_response(policy.error(), context.language);
  auto updated = services::update_grading_policy(context.store(), *context.actor, programme_id_of(context), *policy, context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  JsonWriter json;
  documents::write(json, *updated);
  return json_response(200, json.take());
}

HttpResponse handle_get_attendance(RequestContext& context) {
  const auto session = path_id(context, "session_id");
  if (!session) return bad_path_id(context, "session_id");
  auto attendance = services::get_session_attendance(context.store(), *context.actor, programme_id_of(context), *session);
  if (!attendance) return problem_response(attendance.error(), context.language);
  JsonWriter json;
  write(json, *attendance);
  return json_response(200, json.take());
}

HttpResponse handle_get_my_progress(RequestContext& context) {
  auto progress = services::get_my_progress(context.store(), *context.actor, programme_id_of(context));
  if (!progress) return problem_response(progress.error(), context.language);
  services::Gradebook one{progress->programme_code, progress->policy, progress->modules, {}, {}, {}, {std::move(progress->row)}};
  return json_response(200, documents::gradebook_json(one));
}

HttpResponse handle_get_team_progress(RequestContext& context) {
  auto team = services::get_team_progress(context.store(), *context.actor, programme_id_of(context));
  if (!team) return problem_response(team.error(), context.language);
  return json_response(200, documents::gradebook_json(*team));
}

// The file is the raw body; ?dry_run=false commits (all rows or none: 422 lists every error).
HttpResponse handle_import_grades(RequestContext& context) {
  const bool commit = context.query_value("dry_run") == std::optional<std::string_view>("false");
  auto summary = services::import_grades(context.store(), context.actor, programme_id_of(context),
                                         commit ? services::ImportMode::commit : services::ImportMode::dry_run,
                                         documents::table_reader_for(context.upload->bytes()), context.app.now());
  if (!summary) return problem_response(refused_whole(summary.error()), context.language);
  if (commit && !summary->committed) return rows_in_error(summary->errors, context.language);
  return json_response(200, documents::grade_import_json(*summary, context.language));
}

HttpResponse handle_get_gradebook(RequestContext& context) {
  auto gradebook = services::get_gradebook(context.store(), context.actor, programme_id_of(context));
  if (!gradebook) return problem_response(gradebook.error(), context.language);
  return json_response(200, documents::gradebook_json(*gradebook));
}

// ?team=&institution=&status=&requirements=met|unmet&sort=&order=asc|desc&format=csv|xlsx&lang=:
// the rows the gradebook screen shows, in its order.
HttpResponse handle_export_gradebook(RequestContext& context) {
  services::GradebookSelection selection;
  const auto text = [&](const std::string& name) -> std::optional<std::string> {
    const auto value = context.query_value(name);
    return value && !value->empty() ? std::optional<std::string>(*value) : std::nullopt;
  };
  selection.team = text("team");
  selection.institution = text("institution");
  if (const auto status = text("status")) {
    selection.status = parse_enrollment_status(*status);
    if (!selection.status) return problem_response(field_error("status", "unknown_value", "error.field.unknown_value", *status), context.language);
  }
  if (const auto requirements = text("requirements")) {
    if (*requirements != "met" && *requirements != "unmet")
      return problem_response(field_error("requirements", "unknown_value", "error.field.unknown_value", *requirements), context.language);
    selection.meets_requirements = *requirements == "met";
  }
  if (const auto sort = text("sort")) {
    const auto parsed = services::parse_gradebook_sort(*sort);
    if (!parsed) return problem_response(field_error("sort", "unknown_value", "error.field.unknown_value", *sort), context.language);
    selection.sort = *parsed;
  }
  if (const auto order = text("order")) {
    if (*order != "asc" && *order != "desc") return problem_response(field_error("order", "unknown_value", "error.field.unknown_value", *order), context.language);
    selection.descending = *order == "desc";
  }
  const auto format = export_format(context);
  if (!format) return problem_response(format.error(), context.language);
  auto gradebook = services::get_gradebook(context.store(), context.actor, programme_id_of(context));
  if (!gradebook) return problem_response(gradebook.error(), context.language);
  services::select_rows(gradebook->rows, selection);
  const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
  return table_file_response(documents::gradebook_table(*gradebook, language), *format, language, translate("gradebook.export.file_name", language));
}

HttpResponse handle_get_knowledge_gain(RequestContext& context) {
  auto report = services::get_knowledge_gain(context.store(), context.actor, programme_id_of(context));
  if (!report) return problem_response(report.error(), context.language);
  return json_response(200, documents::knowledge_gain_json(*report));
}

// Body: {"score": "8,5"} (or a number); If-Match: the grade's version, absent for a new grade.
HttpResponse handle_record_grade(RequestContext& context) {
  const auto enrollment = path_id(context, "enrollment_id");
  if (!enrollment) return bad_path_id(context, "enrollment_id");
  const auto assessment = path_id(context, "assessment_id");
  if (!assessment) return bad_path_id(context, "assessment_id");
  auto body = read_body<GradeBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  const services::GradeChange change{*enrollment, *assessment, body->score.text, *version};
  auto recorded = services::record_grade(context.store(), *context.actor, programme_id_of(context), change, context.app.now());
  if (!recorded) return problem_response(recorded.error(), context.language);
  JsonWriter json;
  json.begin_object()
      .field("enrollment_id", *enrollment)
      .field("assessment_id", *assessment)
      .field("score", recorded->score)
      .field("version", recorded->version)
      .end_object();
  auto response = json_response(200, json.take());
  response.headers.emplace_back("ETag", "\"" + std::to_string(recorded->version) + "\"");
  return response;
}

// Body: {"exceptions": {"<enrollment id>": "late" | "excused" | "absent"}}; everyone else is present.
HttpResponse handle_record_attendance(RequestContext& context) {
  const auto session = path_id(context, "session_id");
  if (!session) return bad_path_id(context, "session_id");
  auto body = read_body<AttendanceBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  std::map<Id, std::string> exceptions;
  for (const auto& [key, mark] : body->exceptions) {
    Id id = 0;
    const auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), id);
    if (error != std::errc{} || end != key.data() + key.size())
      return problem_response(field_error("exceptions." + key, "malformed", "error.attendance.mark", key), context.language);
    exceptions[id] = mark;
  }
  auto counts = services::record_attendance(context.store(), *context.actor, programme_id_of(context), *session, exceptions, context.app.now());
  if (!counts) return problem_response(counts.error(), context.language);
  JsonWriter json;
  json.begin_object()
      .field("present", counts->present)
      .field("late", counts->late)
      .field("excused", counts->excused)
      .field("absent", counts->absent)
      .end_object();
  return json_response(200, json.take());
}

HttpResponse handle_list_instructors(RequestContext& context) {
  auto instructors = services::list_instructors(context.store(), *context.actor, programme_id_of(context));
  if (!instructors) return problem_response(instructors.error(), context.language);
  return json_response(200, whole_list_json(*instructors));
}

// Body: {"modules": [positions]}; an empty list: the whole programme.
HttpResponse handle_set_instructor_modules(RequestContext& context) {
  const auto user_id = path_id(context, "user_id");
  if (!user_id) return bad_path_id(context, "user_id");
  auto body = read_body<InstructorModulesBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto instructor = services::set_instructor_modules(context.store(), *context.actor, programme_id_of(context), *user_id, body->modules, context.app.now());
  if (!instructor) return problem_response(instructor.error(), context.language);
  JsonWriter json;
  write(json, *instructor);
  return json_response(200, json.take());
}

HttpResponse handle_get_my_modules(RequestContext& context) {
  auto modules = services::my_modules(context.store(), *context.actor, programme_id_of(context));
  if (!modules) return problem_response(modules.error(), context.language);
  JsonWriter json;
  json.begin_object().key("modules").begin_array();
  for (int module : *modules) json.value(module);
  json.end_array().end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http
