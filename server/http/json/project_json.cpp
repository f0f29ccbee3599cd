#include "http/json/project_json.hpp"

namespace diplomado {
namespace {

void write_scores(JsonWriter& json, const std::vector<services::CriterionScore>& scores) {
  json.begin_array();
  for (const auto& score : scores)
    json.begin_object().field("criterion", score.criterion).field("level", score.level).field("comment", score.comment).end_object();
  json.end_array();
}

void write_ids(JsonWriter& json, const std::vector<Id>& ids) {
  json.begin_array();
  for (Id id : ids) json.value(static_cast<std::int64_t>(id));
  json.end_array();
}

}  // namespace

void write(JsonWriter& json, const ProjectRecord& project) {
  json.begin_object()
      .field("id", static_cast<std::int64_t>(project.id))
      .field("team_id", static_cast<std::int64_t>(project.team_id))
      .field("team", project.team_name);
  json.key("region").begin_object().field("code", project.region_code).field("name", project.region_name).end_object();
  json.field("status", to_string(project.status))
      .field("current_version", project.current_version)
      .field("version", project.version)
      .field("title", project.content.title)
      .field("problem", project.content.problem)
      .field("objectives", project.content.objectives)
      .field("target_population", project.content.target_population)
      .field("human_rights", project.content.human_rights)
      .field("expected_results", project.content.expected_results);
  json.key("gcm_objectives").begin_array();
  for (int objective : project.content.gcm_objectives) json.value(objective);
  json.end_array();
  json.key("submitted_at").text_or_null(project.submitted_at);
  json.end_object();
}

void write(JsonWriter& json, const AttachmentRecord& attachment) {
  json.begin_object()
      .field("id", static_cast<std::int64_t>(attachment.id))
      .field("file_name", attachment.file_name)
      .field("size_bytes", attachment.size_bytes)
      .field("sha256", attachment.sha256)
      .field("version_number", attachment.version_number)
      .end_object();
}

void write(JsonWriter& json, const ProjectSettings& settings) {
  json.begin_object().key("deadline").text_or_null(settings.deadline.value_or(""));
  json.field("jurors_per_project", settings.jurors_per_project).field("disagreement_threshold", settings.disagreement_threshold).end_object();
}

void write(JsonWriter& json, const services::AssignedReview& review) {
  json.begin_object().field("project_id", static_cast<std::int64_t>(review.project_id)).field("team", review.team_name).field("title", review.title);
  json.key("submitted_at").text_or_null(review.submitted_at.value_or("")).end_object();
}

void write(JsonWriter& json, const services::ProjectDetail& detail) {
  json.begin_object().key("project");
  if (detail.project.id == 0) json.null();
  else write(json, detail.project);
  json.field("team_id", static_cast<std::int64_t>(detail.project.team_id)).key("versions").begin_array();
  for (const auto& version : detail.versions)
    json.begin_object().field("number", version.number).field("title", version.title).field("submitted_at", version.submitted_at).end_object();
  json.end_array().key("attachments").begin_array();
  for (const auto& attachment : detail.attachments) write(json, attachment);
  json.end_array();
  json.key("deadline").text_or_null(detail.deadline.value_or(""));
  json.field("editable", detail.editable).end_object();
}

void write(JsonWriter& json, const RubricRecord& rubric) {
  json.begin_object().field("version", rubric.version).key("criteria").begin_array();
  for (const auto& criterion : rubric.criteria) {
    json.begin_object().field("id", static_cast<std::int64_t>(criterion.id)).field("code", criterion.code);
    json.key("title").begin_object().field("es", criterion.title.es).field("en", criterion.title.en).end_object();
    json.field("weight", criterion.weight).field("scale_min", criterion.scale_min).field("scale_max", criterion.scale_max);
    json.key("levels").begin_array();
    for (const auto& level : criterion.levels) {
      json.begin_object().field("level", level.level);
      json.key("description").begin_object().field("es", level.description.es).field("en", level.description.en).end_object();
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
}

void write(JsonWriter& json, const services::ReviewView& review) {
  json.begin_object().key("project");
  write(json, review.project);
  json.key("rubric");
  write(json, review.rubric);
  json.key("submitted_at").text_or_null(review.submitted_at.value_or(""));
  json.field("version", review.version).key("scores");
  write_scores(json, review.scores);
  json.key("others");
  if (!review.others) {
    json.null();
  } else {
    json.begin_array();
    for (const auto& other : *review.others) {
      json.begin_object().field("juror", other.juror).key("scores");
      write_scores(json, other.scores);
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
}

void write(JsonWriter& json, const JurorRecord& juror) {
  json.begin_object()
      .field("user_id", static_cast<std::int64_t>(juror.user_id))
      .field("email", juror.email)
      .field("display_name", juror.display_name);
  json.key("institution_id");
  if (juror.institution_id) json.value(static_cast<std::int64_t>(*juror.institution_id));
  else json.null();
  json.field("institution", juror.institution_acronym).key("conflict_teams");
  write_ids(json, juror.declared_teams);
  json.key("conflict_institutions");
  write_ids(json, juror.declared_institutions);
  json.end_object();
}

void write(JsonWriter& json, const services::JuryProgress& progress) {
  json.begin_object().field("reviews_done", progress.reviews_done).field("reviews_missing", progress.reviews_missing).key("projects").begin_array();
  for (const auto& project : progress.projects)
    json.begin_object()
        .field("project_id", static_cast<std::int64_t>(project.project_id))
        .field("team", project.team_name)
        .field("assigned", project.assigned)
        .field("submitted", project.submitted)
        .end_object();
  json.end_array().key("jurors").begin_array();
  for (const auto& juror : progress.jurors)
    json.begin_object()
        .field("user_id", static_cast<std::int64_t>(juror.user_id))
        .field("display_name", juror.display_name)
        .field("institution", juror.institution_acronym)
        .field("assigned", juror.assigned)
        .field("submitted", juror.submitted)
        .end_object();
  json.end_array().end_object();
}

void write(JsonWriter& json, const services::AssignmentOutcome& outcome) {
  json.begin_object().field("added", outcome.added).field("per_project", outcome.per_project).key("short_of_jurors").begin_array();
  for (const auto& shortfall : outcome.short_of_jurors)
    json.begin_object()
        .field("project_id", static_cast<std::int64_t>(shortfall.project_id))
        .field("team", shortfall.team_name)
        .field("eligible", shortfall.eligible)
        .end_object();
  json.end_array().end_object();
}

}  // namespace diplomado
