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

HttpResponse handle_list_projects(RequestContext& context) {
  auto projects = services::list_projects(context.app.store, *context.actor, programme_id_of(context));
  if (!projects) return problem_response(projects.error(), context.language);
  return json_response(200, whole_list_json(*projects));
}

HttpResponse handle_get_my_project(RequestContext& context) {
  auto project = services::get_my_project(context.app.store, *context.actor, programme_id_of(context), context.app.now());
  if (!project) return problem_response(project.error(), context.language);
  return written(200, *project);
}

HttpResponse handle_get_project(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto project = services::get_project(context.app.store, *context.actor, programme_id_of(context), *project_id, context.app.now());
  if (!project) return problem_response(project.error(), context.language);
  return written(200, *project);
}

// Body: {"title", "problem", "objectives", "target_population", "human_rights", "expected_results",
// "gcm_objectives": [1..23]}.
HttpResponse handle_submit_project(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  services::ProjectContent content;
  const auto fields = services::project_text_fields(content);
  for (const auto& [name, target] : fields) {
    const auto found = body->find(name);
    if (found != body->end() && !found->is_string()) return problem_response(field_error(name, "not_text", "error.field.required"), context.language);
    if (found != body->end()) *target = found->get<std::string>();
  }
  if (const auto objectives = body->find("gcm_objectives"); objectives != body->end()) {
    if (!objectives->is_array()) return problem_response(field_error("gcm_objectives", "not_list", "error.project.gcm_unknown"), context.language);
    for (const auto& objective : *objectives) {
      if (!objective.is_number_integer())
        return problem_response(field_error("gcm_objectives", "unknown_objective", "error.project.gcm_unknown", objective.dump()), context.language);
      content.gcm_objectives.push_back(objective.get<int>());
    }
  }
  auto submitted = services::submit_project(context.app.store, *context.actor, programme_id_of(context), content, context.app.now());
  if (!submitted) return problem_response(submitted.error(), context.language);
  return written(201, *submitted);
}

HttpResponse handle_reopen_project(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto reopened = services::reopen_project(context.app.store, *context.actor, programme_id_of(context), *project_id, *version, context.app.now());
  if (!reopened) return problem_response(reopened.error(), context.language);
  return written(200, *reopened);
}

// Body: the PDF's own bytes (at most 20 MiB, refused from the headers when larger); ?file_name=x.pdf.
HttpResponse handle_add_attachment(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  const std::string file_name(context.query_value("file_name").value_or(""));
  auto added = services::add_attachment(context.app.store, *context.actor, programme_id_of(context), *project_id, file_name, context.body, context.app.now());
  if (!added) return problem_response(added.error(), context.language);
  return written(201, *added);
}

HttpResponse handle_get_attachment(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  const auto attachment_id = path_id(context, "attachment_id");
  if (!attachment_id) return bad_path_id(context, "attachment_id");
  auto file = services::get_attachment(context.app.store, *context.actor, programme_id_of(context), *project_id, *attachment_id);
  if (!file) return problem_response(file.error(), context.language);
  HttpResponse response;
  response.content_type = "application/pdf";
  response.body = std::move(file->bytes);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file->file_name + "\"");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  return response;
}

HttpResponse handle_get_project_settings(RequestContext& context) {
  auto settings = services::get_project_settings(context.app.store, *context.actor, programme_id_of(context));
  if (!settings) return problem_response(settings.error(), context.language);
  return written(200, *settings);
}

// Body: {"deadline": "2023-10-04T04:59:59Z" | null, "jurors_per_project": 3, "disagreement_threshold": 20}.
HttpResponse handle_update_project_settings(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  services::ProjectSettings settings;
  if (const auto deadline = body->find("deadline"); deadline != body->end() && deadline->is_string()) settings.deadline = deadline->get<std::string>();
  const auto per_project = body->find("jurors_per_project");
  if (per_project != body->end() && !per_project->is_number_integer())
    return problem_response(field_error("jurors_per_project", "not_number", "error.project.jurors_per_project"), context.language);
  settings.jurors_per_project = body->value("jurors_per_project", 3);
  const auto threshold = body->find("disagreement_threshold");
  if (threshold != body->end() && !threshold->is_number())
    return problem_response(field_error("disagreement_threshold", "not_number", "error.grading.percentage"), context.language);
  settings.disagreement_threshold = body->value("disagreement_threshold", 20.0);
  auto saved = services::update_project_settings(context.app.store, *context.actor, programme_id_of(context), settings, context.app.now());
  if (!saved) return problem_response(saved.error(), context.language);
  return written(200, *saved);
}

HttpResponse handle_get_rubric(RequestContext& context) {
  auto rubric = services::get_rubric(context.app.store, *context.actor, programme_id_of(context));
  if (!rubric) return problem_response(rubric.error(), context.language);
  return written(200, *rubric);
}

// Body: {"criteria": [{"code", "title": {"es", "en"}, "weight", "scale_min", "scale_max",
// "levels": [{"level", "description": {"es", "en"}}]}]}; If-Match: the rubric's version.
HttpResponse handle_replace_rubric(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  const auto listed = body->find("criteria");
  if (listed == body->end() || !listed->is_array()) return problem_response(field_error("criteria", "required", "error.rubric.no_criteria"), context.language);
  std::vector<services::RubricCriterionRecord> criteria;
  for (std::size_t i = 0; i < listed->size(); ++i) {
    const auto& item = (*listed)[i];
    const std::string field = "criteria[" + std::to_string(i) + "]";
    if (!item.is_object() || !item.value("weight", nlohmann::json()).is_number() || !item.value("scale_min", nlohmann::json()).is_number_integer() ||
        !item.value("scale_max", nlohmann::json()).is_number_integer())
      return problem_response(field_error(field, "malformed", "error.rubric.scale"), context.language);
    services::RubricCriterionRecord criterion;
    criterion.code = item.value("code", "");
    if (const auto title = item.find("title"); title != item.end() && title->is_object())
      criterion.title = {title->value("es", ""), title->value("en", "")};
    criterion.weight = item.at("weight").get<double>();
    criterion.scale_min = item.at("scale_min").get<int>();
    criterion.scale_max = item.at("scale_max").get<int>();
    for (const auto& level : item.value("levels", nlohmann::json::array())) {
      if (!level.is_object() || !level.value("level", nlohmann::json()).is_number_integer())
        return problem_response(field_error(field + ".levels", "malformed", "error.review.out_of_scale"), context.language);
      services::RubricLevel entry{level.at("level").get<int>(), {}};
      if (const auto description = level.find("description"); description != level.end() && description->is_object())
        entry.description = {description->value("es", ""), description->value("en", "")};
      criterion.levels.push_back(std::move(entry));
    }
    criteria.push_back(std::move(criterion));
  }
  auto rubric = services::replace_rubric(context.app.store, *context.actor, programme_id_of(context), criteria, *version, context.app.now());
  if (!rubric) return problem_response(rubric.error(), context.language);
  return written(200, *rubric);
}

HttpResponse handle_list_jurors(RequestContext& context) {
  auto jurors = services::list_jurors(context.app.store, *context.actor, programme_id_of(context));
  if (!jurors) return problem_response(jurors.error(), context.language);
  return json_response(200, whole_list_json(*jurors));
}

// Body: {"email", "display_name", "institution_id": N | null}. A new user's password is shown once.
HttpResponse handle_add_juror(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  services::NewJuror juror{body->value("email", ""), body->value("display_name", ""), std::nullopt};
  if (const auto institution = body->find("institution_id"); institution != body->end() && institution->is_number_integer())
    juror.institution_id = institution->get<Id>();
  auto added = services::add_juror(context.app.store, *context.actor, programme_id_of(context), juror, context.app.now());
  if (!added) return problem_response(added.error(), context.language);
  JsonWriter json;
  json.begin_object().key("juror");
  write(json, added->juror);
  json.key("initial_password").text_or_null(added->initial_password.value_or("")).end_object();
  auto response = json_response(201, json.take());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

// Body: {"team_id": N} or {"institution_id": N}, and "reason".
HttpResponse handle_declare_conflict(RequestContext& context) {
  const auto user_id = path_id(context, "user_id");
  if (!user_id) return bad_path_id(context, "user_id");
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  services::NewConflict conflict{*user_id, std::nullopt, std::nullopt, body->value("reason", "")};
  if (const auto team = body->find("team_id"); team != body->end() && team->is_number_integer()) conflict.team_id = team->get<Id>();
  if (const auto institution = body->find("institution_id"); institution != body->end() && institution->is_number_integer())
    conflict.institution_id = institution->get<Id>();
  auto juror = services::declare_conflict(context.app.store, *context.actor, programme_id_of(context), conflict, context.app.now());
  if (!juror) return problem_response(juror.error(), context.language);
  return written(201, *juror);
}

HttpResponse handle_assign_jurors(RequestContext& context) {
  auto outcome = services::assign_jurors(context.app.store, *context.actor, programme_id_of(context), context.app.now());
  if (!outcome) return problem_response(outcome.error(), context.language);
  return written(200, *outcome);
}

HttpResponse handle_get_jury_progress(RequestContext& context) {
  auto progress = services::get_jury_progress(context.app.store, *context.actor, programme_id_of(context));
  if (!progress) return problem_response(progress.error(), context.language);
  return written(200, *progress);
}

HttpResponse handle_list_my_reviews(RequestContext& context) {
  auto reviews = services::list_my_reviews(context.app.store, *context.actor, programme_id_of(context));
  if (!reviews) return problem_response(reviews.error(), context.language);
  return json_response(200, whole_list_json(*reviews));
}

HttpResponse handle_get_review(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto review = services::get_review(context.app.store, *context.actor, programme_id_of(context), *project_id);
  if (!review) return problem_response(review.error(), context.language);
  return written(200, *review);
}

// Body: {"scores": {"<criterion code>": {"level": 4, "comment": "..."}}}; If-Match: the review's version.
HttpResponse handle_submit_review(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  services::ReviewSubmission submission;
  submission.expected_version = version->value_or(1);
  if (const auto scores = body->find("scores"); scores != body->end() && scores->is_object()) {
    for (const auto& [code, score] : scores->items()) {
      const auto level = score.is_object() ? score.value("level", nlohmann::json()) : score;
      if (!level.is_number()) return problem_response(field_error(code, "out_of_scale", "error.review.out_of_scale", level.dump()), context.language);
      submission.levels[code] = level.get<double>();
      if (score.is_object() && score.contains("comment") && score.at("comment").is_string()) submission.comments[code] = score.at("comment").get<std::string>();
    }
  }
  auto review = services::submit_review(context.app.store, *context.actor, programme_id_of(context), *project_id, submission, context.app.now());
  if (!review) return problem_response(review.error(), context.language);
  return versioned_response(200, *review);
}

HttpResponse handle_get_ranking(RequestContext& context) {
  auto ranking = services::get_ranking(context.app.store, *context.actor, programme_id_of(context), order_of(context));
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

HttpResponse handle_explain_ranking(RequestContext& context) {
  const auto project_id = path_id(context, "project_id");
  if (!project_id) return bad_path_id(context, "project_id");
  auto ranking = services::explain_ranking(context.app.store, *context.actor, programme_id_of(context), *project_id, order_of(context));
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

// Body: {"project_id": N}: the coordinator confirms the best project nationwide.
HttpResponse handle_confirm_best_project(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  const auto project = body->find("project_id");
  if (project == body->end() || !project->is_number_integer())
    return problem_response(field_error("project_id", "required", "error.field.required"), context.language);
  auto ranking = services::confirm_best_project(context.app.store, *context.actor, programme_id_of(context), project->get<Id>(), context.app.now());
  if (!ranking) return problem_response(ranking.error(), context.language);
  return json_response(200, documents::ranking_json(*ranking));
}

}  // namespace diplomado::http
