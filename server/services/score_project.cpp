#include "services/score_project.hpp"
#include "json/json_writer.hpp"

#include <algorithm>

#include "domain/ranking.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

std::vector<CriterionScore> scores_by_code(const RubricRecord& rubric, const std::vector<storage::ReviewScoreRecord>& records) {
  std::vector<CriterionScore> scores;
  for (const auto& criterion : rubric.criteria)
    for (const auto& record : records)
      if (record.criterion_id == criterion.id) scores.push_back({criterion.code, record.level, record.comment});
  return scores;
}

std::vector<CriterionScale> scales_of(const RubricRecord& rubric, std::vector<std::string>& codes) {
  std::vector<CriterionScale> scales;
  for (const auto& criterion : rubric.criteria) {
    scales.push_back({criterion.weight, criterion.scale_min, criterion.scale_max});
    codes.push_back(criterion.code);
  }
  return scales;
}

// The review the actor may work on, or why not: 404 for no such project, 403 when it is not
// assigned to them or a conflict stands.
Result<ProjectRecord> reviewable(storage::UnitOfWork& unit, const Actor& actor, Id programme_id, Id project_id) {
  auto project = unit.projects().project(programme_id, project_id);
  if (!project) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  if (project_access(unit, actor, programme_id, *project) != ProjectAccess::assigned_juror)
    return std::unexpected(make_error(ErrorCode::forbidden, "error.review.not_assigned"));
  return *project;
}

ReviewView view_of(storage::UnitOfWork& unit, const Actor& actor, Id programme_id, ProjectRecord project) {
  ReviewView view;
  view.rubric = unit.projects().rubric(programme_id);
  const auto review = unit.jury().review(project.id, actor.user_id);
  view.submitted_at = review->submitted_at;
  view.version = review->version;
  view.scores = scores_by_code(view.rubric, unit.jury().scores_of(project.id, actor.user_id));
  if (view.submitted_at) {
    std::vector<ReviewView::Other> others;
    int number = 0;
    for (const auto& other : unit.jury().reviews(programme_id)) {
      if (other.project_id != project.id || other.user_id == actor.user_id || !other.submitted_at) continue;
      others.push_back({"#" + std::to_string(++number), scores_by_code(view.rubric, unit.jury().scores_of(project.id, other.user_id))});
    }
    view.others = std::move(others);
  }
  view.project = std::move(project);
  return view;
}

}  // namespace

Result<std::vector<AssignedReview>> list_my_reviews(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::review_projects)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  std::vector<AssignedReview> mine;
  for (const auto& project : unit->projects().projects(programme_id)) {
    if (project_access(*unit, actor, programme_id, project) != ProjectAccess::assigned_juror) continue;
    const auto review = unit->jury().review(project.id, actor.user_id);
    mine.push_back({project.id, project.team_name, project.content.title, review ? review->submitted_at : std::nullopt});
  }
  return mine;
}

Result<ReviewView> get_review(storage::Store& store, const Actor& actor, Id programme_id, Id project_id) {
  if (auto refused = refuse(actor, programme_id, Permission::review_projects)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto project = reviewable(*unit, actor, programme_id, project_id);
  if (!project) return std::unexpected(project.error());
  return view_of(*unit, actor, programme_id, std::move(*project));
}

Result<ReviewView> submit_review(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, const ReviewSubmission& submission,
                                 TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::review_projects)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto project = reviewable(*unit, actor, programme_id, project_id);
  if (!project) return std::unexpected(project.error());
  const RubricRecord rubric = unit->projects().rubric(programme_id);
  std::vector<std::string> codes;
  const auto scales = scales_of(rubric, codes);
  if (auto errors = check_review(scales, codes, submission.levels); !errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  for (const auto& [code, comment] : submission.comments)
    if (comment.size() > 4000) return std::unexpected(field_error(code, "too_long", "error.field.too_long"));
  std::vector<storage::ReviewScoreRecord> records;
  for (const auto& criterion : rubric.criteria) {
    const auto comment = submission.comments.find(criterion.code);
    records.push_back({project_id, actor.user_id, criterion.id, static_cast<int>(submission.levels.at(criterion.code)),
                       comment == submission.comments.end() ? std::string{} : comment->second});
  }
  const std::string at = format_iso8601(now);
  if (!unit->jury().submit_review(project_id, actor.user_id, records, at, submission.expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.review.stale"));
  unit->audit().append({actor.user_id, "review.submit", "review", project_id, "{}"}, at);
  ReviewView view = view_of(*unit, actor, programme_id, std::move(*project));
  unit->commit();
  return view;
}

Result<RubricRecord> get_rubric(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->projects().rubric(programme_id);
}

Result<RubricRecord> replace_rubric(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<RubricCriterionRecord>& criteria,
                                    std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  std::vector<CriterionScale> scales;
  std::vector<std::string> codes;
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const auto& criterion = criteria[i];
    scales.push_back({criterion.weight, criterion.scale_min, criterion.scale_max});
    codes.push_back(criterion.code);
    if (criterion.title.es.empty() || criterion.title.en.empty())
      errors.push_back({"criteria[" + std::to_string(i) + "].title", std::nullopt, "required", "error.field.required", {}});
    for (const auto& level : criterion.levels)
      if (level.level < criterion.scale_min || level.level > criterion.scale_max)
        errors.push_back({"criteria[" + std::to_string(i) + "].levels", std::nullopt, "out_of_scale", "error.review.out_of_scale",
                          std::to_string(level.level)});
  }
  auto rubric_errors = check_rubric(scales, codes);
  errors.insert(errors.begin(), rubric_errors.begin(), rubric_errors.end());
  if (!errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (unit->projects().rubric(programme_id).version != expected_version)
    return std::unexpected(make_error(ErrorCode::conflict, "error.rubric.stale"));
  // Scores are kept per criterion: changing the criteria under submitted reviews would change
  // what those jurors said.
  if (unit->jury().submitted_count(programme_id) > 0) return std::unexpected(make_error(ErrorCode::conflict, "error.rubric.reviews_exist"));
  unit->projects().replace_rubric(programme_id, criteria);
  unit->audit().append({actor.user_id, "rubric.replace", "programme", programme_id, json_object("criteria", criteria.size())},
                       format_iso8601(now));
  auto rubric = unit->projects().rubric(programme_id);
  unit->commit();
  return rubric;
}

}  // namespace diplomado::services
