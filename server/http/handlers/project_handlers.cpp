// Final projects over HTTP (issue 4): projects and attachments, the rubric, the jury, reviews and
// the ranking with its explanation.
#include "documents/ranking_report.hpp"
#include "domain/programme.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/project_json.hpp"
#include "http/problem.hpp"
#include "services/manage_jury.hpp"
#include "services/rank_projects.hpp"
#include "services/score_project.hpp"
#include "services/submit_project.hpp"

namespace diplomado {

// How this file's bodies read into domain and service types; BodyReader finds them here, in
// its own namespace (json/json_reader.hpp).

// The bodies this file reads, each member with its bounds; the use cases check the rules.
static void describe(BodyReader& body, ProjectContent& content) {
  for (const auto& [name, target] : services::project_text_fields(content)) body.optional(name, *target, {.max_length = 20'000});
  body.optional("gcm_objectives", content.gcm_objectives, {.max_items = 100})
      .read_only({"id", "team_id", "team", "region", "status", "current_version", "version", "submitted_at"});
}

static void describe(BodyReader& body, ProjectSettings& settings) {
  body.nullable("deadline", settings.deadline, {.max_length = 40})
      .optional("jurors_per_project", settings.jurors_per_project)
      .optional("disagreement_threshold", settings.disagreement_threshold);
}

static void describe(BodyReader& body, RubricLevel& level) {
  body.required("level", level.level).optional("description", level.description);
}

static void describe(BodyReader& body, RubricCriterionRecord& criterion) {
  body.required("code", criterion.code, {.max_length = 50})
      .required("title", criterion.title)
      .required("weight", criterion.weight)
      .required("scale_min", criterion.scale_min)
      .required("scale_max", criterion.scale_max)
      .optional("levels", criterion.levels, {.max_items = 100})
      .read_only({"id"});
}

static void describe(BodyReader& body, services::NewJuror& juror) {
  body.required("email", juror.email, {.max_length = 320})
      .required("display_name", juror.display_name, {.max_length = 200})
      .nullable("institution_id", juror.institution_id, {.min = 1});
}

static void describe(BodyReader& body, services::NewConflict& conflict) {
  body.nullable("team_id", conflict.team_id, {.min = 1}).nullable("institution_id", conflict.institution_id, {.min = 1}).optional("reason", conflict.reason, {.max_length = 1000});
}

}  // namespace diplomado

namespace diplomado::http {
namespace {

template <class T>
HttpResponse written(int status, const T& value) {
  JsonWriter json;
  write(json, value);
  return json_response(status, json.take());
}

services::RankingOrder order_of(const RequestContext& context) {
  const auto order = context.query_value("order");
  return order && *order == "calibrated" ? services::RankingOrder::calibrated : services::RankingOrder::raw;
}

}  // namespace

struct RubricBody {
  std::vector<RubricCriterionRecord> criteria;
};
static void describe(BodyReader& body, RubricBody& rubric) { body.required("criteria", rubric.criteria, {.max_items = 100}); }

struct ScoreBody {
  double level = 0;
  std::string comment;
};
static void describe(BodyReader& body, ScoreBody& score) { body.required("level", score.level).optional("comment", score.comment, {.max_length = 16000}); }

struct ReviewBody {
  std::map<std::string, ScoreBody> scores;  // criterion code -> level and comment
};
static void describe(BodyReader& body, ReviewBody& review) { body.required("scores", review.scores, {.max_items = 100}); }

struct BestProjectBody {
  Id project_id = 0;
};
static void describe(BodyReader& body, BestProjectBody& best) { body.required("project_id", best.project_id, {.min = 1}); }

HttpResponse handle_list_projects(RequestContext& context) {
  auto projects = services::list_projects(context.store(), *context.actor, programme_id_of(context));
  if (!projects) return problem_response(projects.error(), context.language);
  return json_response(200, whole_list_json(*projects));
}

HttpResponse handle_get_my_project(RequestContext& context) {
  auto project = services::get_my_project(context.store(), *context.actor, programme_id_of(context), context.app.now());
  if (!project) return problem_response(project.error(), context.language);
  return written(200, *project);
}

HttpResponse handle_get_project(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto project = services::get_project(context.store(), *context.actor, programme_id_of(context), *project_id, context.app.now());
  if (!project) return problem_response(project.error(), context.language);
  return written(200, *project);
}

// Body: {"title", "problem", "objectives", "target_population", "human_rights", "expected_results",
// "gcm_objectives": [1..23]}.
HttpResponse handle_submit_project(RequestContext& context) {
  auto content = read_body<ProjectContent>(context);
  if (!content) return problem_response(content.error(), context.language);
  auto submitted = services::submit_project(context.store(), *context.actor, programme_id_of(context), *content, context.app.now());
  if (!submitted) return problem_response(submitted.error(), context.language);
  return written(201, *submitted);
}

HttpResponse handle_reopen_project(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto reopened = services::reopen_project(context.store(), *context.actor, programme_id_of(context), *project_id, *version, context.app.now());
  if (!reopened) return problem_response(reopened.error(), context.language);
  return written(200, *reopened);
}

// Body: the PDF's own bytes (at most 20 MiB, refused from the headers when larger); ?file_name=x.pdf.
HttpResponse handle_add_attachment(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  const std::string file_name(context.query_value("file_name").value_or(""));
  auto added = services::add_attachment(context.store(), *context.actor, programme_id_of(context), *project_id, file_name, *context.upload, context.app.now());
  if (!added) return problem_response(added.error(), context.language);
  return written(201, *added);
}

HttpResponse handle_get_attachment(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  const auto attachment_id = path_id(context, "attachment_id");
  if (!attachment_id) return bad_path_id(context, "attachment_id");
  auto file = services::get_attachment(context.store(), *context.actor, programme_id_of(context), *project_id, *attachment_id);
  if (!file) return problem_response(file.error(), context.language);
  HttpResponse response;
  response.content_type = "application/pdf";
  response.file = std::make_shared<const services::OpenFile>(std::move(file->file));
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

HttpResponse handle_get_project_settings(RequestContext& context) {
  auto settings = services::get_project_settings(context.store(), *context.actor, programme_id_of(context));
  if (!settings) return problem_response(settings.error(), context.language);
  return written(200, *settings);
}

// Body: {"deadline": "2023-10-04T04:59:59Z" | null, "jurors_per_project": 3, "disagreement_threshold": 20}.
HttpResponse handle_update_project_settings(RequestContext& context) {
  auto settings = read_body<ProjectSettings>(context);
  if (!settings) return problem_response(settings.error(), context.language);
  auto saved = services::update_project_settings(context.store(), *context.actor, programme_id_of(context), *settings, context.app.now());
  if (!saved) return problem_response(saved.error(), context.language);
  return written(200, *saved);
}

HttpResponse handle_get_rubric(RequestContext& context) {
  auto rubric = services::get_rubric(context.store(), *context.actor, programme_id_of(context));
  if (!rubric) return problem_response(rubric.error(), context.language);
  return written(200, *rubric);
}

// Body: {"criteria": [{"code", "title": {"es", "en"}, "weight", "scale_min", "scale_max",
// "levels": [{"level", "description": {"es", "en"}}]}]}; If-Match: the rubric's version.
HttpResponse handle_replace_rubric(RequestContext& context) {
  auto body = read_body<RubricBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto rubric = services::replace_rubric(context.store(), *context.actor, programme_id_of(context), body->criteria, *version, context.app.now());
  if (!rubric) return problem_response(rubric.error(), context.language);
  return written(200, *rubric);
}

HttpResponse handle_list_jurors(RequestContext& context) {
  auto jurors = services::list_jurors(context.store(), *context.actor, programme_id_of(context));
  if (!jurors) return problem_response(jurors.error(), context.language);
  return json_response(200, whole_list_json(*jurors));
}

// Body: {"email", "display_name", "institution_id": N | null}. The juror is mailed a link.
HttpResponse handle_add_juror(RequestContext& context) {
  auto juror = read_body<services::NewJuror>(context);
  if (!juror) return problem_response(juror.error(), context.language);
  auto added = services::add_juror(context.store(), *context.actor, programme_id_of(context), *juror, context.app.public_url, context.app.now());
  if (!added) return problem_response(added.error(), context.language);
  context.app.sessions.forget_user(added->juror.user_id);  // a signed-in user's new grant counts at once
  JsonWriter json;
  json.begin_object().key("juror");
  write(json, added->juror);
  json.end_object();
  auto response = json_response(201, json.take());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// Body: {"team_id": N} or {"institution_id": N}, and "reason".
HttpResponse handle_declare_conflict(RequestContext& context) {
  const auto user_id = path_id(context, "user_id");
  if (!user_id) return bad_path_id(context, "user_id");
  auto conflict = read_body<services::NewConflict>(context);
  if (!conflict) return problem_response(conflict.error(), context.language);
  conflict->user_id = *user_id;
  auto juror = services::declare_conflict(context.store(), *context.actor, programme_id_of(context), *conflict, context.app.now());
  if (!juror) return problem_response(juror.error(), context.language);
  return written(201, *juror);
}

HttpResponse handle_assign_jurors(RequestContext& context) {
  auto outcome = services::assign_jurors(context.store(), *context.actor, programme_id_of(context), context.app.now());
  if (!outcome) return problem_response(outcome.error(), context.language);
  return written(200, *outcome);
}

HttpResponse handle_get_jury_progress(RequestContext& context) {
  auto progress = services::get_jury_progress(context.store(), *context.actor, programme_id_of(context));
  if (!progress) return problem_response(progress.error(), context.language);
  return written(200, *progress);
}

HttpResponse handle_list_my_reviews(RequestContext& context) {
  auto reviews = services::list_my_reviews(context.store(), *context.actor, programme_id_of(context));
  if (!reviews) return problem_response(reviews.error(), context.language);
  return json_response(200, whole_list_json(*reviews));
}

HttpResponse handle_get_review(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto review = services::get_review(context.store(), *context.actor, programme_id_of(context), *project_id);
  if (!review) return problem_response(review.error(), context.language);
  return written(200, *review);
}

// Body: {"scores": {"<criterion code>": {"level": 4, "comment": "..."}}}; If-Match: the review's version.
HttpResponse handle_submit_review(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto body = read_body<ReviewBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  services::ReviewSubmission submission;
  submission.expected_version = version->value_or(1);
  for (const auto& [code, score] : body->scores) {
    submission.levels[code] = score.level;
    submission.comments[code] = score.comment;
  }
  auto review = services::submit_review(context.store(), *context.actor, programme_id_of(context), *project_id, submission, context.app.now());
  if (!review) return problem_response(review.error(), context.language);
  return versioned_response(200, *review);
}

HttpResponse handle_get_ranking(RequestContext& context) {
  auto ranking = services::get_ranking(context.store(), *context.actor, programme_id_of(context), order_of(context));
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

HttpResponse handle_explain_ranking(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto ranking = services::explain_ranking(context.store(), *context.actor, programme_id_of(context), *project_id, order_of(context));
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

// Body: {"project_id": N}: the coordinator confirms the best project nationwide.
HttpResponse handle_confirm_best_project(RequestContext& context) {
  auto body = read_body<BestProjectBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto ranking = services::confirm_best_project(context.store(), *context.actor, programme_id_of(context), body->project_id, context.app.now());
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

}  // namespace diplomado::http
