#include "http/json/teaching_json.hpp"

#include "http/json/programme_json.hpp"

namespace diplomado {
namespace {

void number_or_null(JsonWriter& json, const char* key, const std::optional<double>& value) {
  json.key(key);
  if (value) json.value(*value);
  else json.null();
}

void person(JsonWriter& json, const GradebookEnrollment& enrollment) {
  json.field("enrollment_id", enrollment.enrollment_id)
      .field("given_names", enrollment.given_names)
      .field("family_names", enrollment.family_names)
      .field("status", to_string(enrollment.status))
      .field("team", enrollment.team_name);
}

}  // namespace

void write(JsonWriter& json, const services::GradeGrid& grid) {
  json.begin_object().field("module", grid.module);
  write(json.key("title"), grid.title);
  json.key("assessments").begin_array();
  for (const auto& assessment : grid.assessments)
    json.begin_object()
        .field("id", assessment.id)
        .field("code", assessment.code)
        .field("kind", std::string(to_string(assessment.rules.kind)))
        .field("max_score", assessment.rules.max_score)
        .field("weight", assessment.rules.weight)
        .end_object();
  json.end_array().key("rows").begin_array();
  for (const auto& row : grid.rows) {
    json.begin_object();
    person(json, row.enrollment);
    json.key("cells").begin_array();
    for (const auto& cell : row.cells) {
      json.begin_object();
      number_or_null(json, "score", cell.score);
      json.key("version");
      if (cell.version) json.value(*cell.version);
      else json.null();
      json.end_object();
    }
    json.end_array();
    number_or_null(json, "module_grade", row.module_grade);
    json.field("passed", row.passed).end_object();
  }
  json.end_array().end_object();
}

void write(JsonWriter& json, const SessionRecord& session) {
  json.begin_object().field("id", session.id);
  write(json.key("title"), session.title);
  json.field("starts_at", session.starts_at)
      .field("ends_at", session.ends_at)
      .field("place", session.place)
      .field("online_link", session.online_link)
      .field("module_id", session.module_id)
      .field("version", session.version)
      .field("marks", session.marks)
      .field("attended", session.attended)
      .end_object();
}

void write(JsonWriter& json, const AssessmentDetail& assessment) {
  json.begin_object().field("id", assessment.id).field("code", assessment.seed.code).field("kind", assessment.seed.kind).key("module");
  if (assessment.module) json.value(*assessment.module);
  else json.null();
  write(json.key("title"), assessment.seed.title);
  json.field("max_score", assessment.seed.max_score).field("weight", assessment.seed.weight);
  json.key("due_date").text_or_null(assessment.seed.due_date);
  json.field("version", assessment.version).field("grades", assessment.grades).end_object();
}

void write(JsonWriter& json, const services::SessionAttendance& attendance) {
  json.begin_object().key("session");
  write(json, attendance.session);
  json.field("module", attendance.module).key("marks").begin_array();
  for (const auto& [enrollment, mark] : attendance.marks) {
    json.begin_object();
    person(json, enrollment);
    json.field("mark", std::string(to_string(mark))).end_object();
  }
  json.end_array().end_object();
}

void write(JsonWriter& json, const services::InstructorView& instructor) {
  json.begin_object().field("user_id", instructor.user_id).field("email", instructor.email).field("display_name", instructor.display_name).key("modules").begin_array();
  for (int module : instructor.modules) json.value(module);
  json.end_array().end_object();
}

}  // namespace diplomado
