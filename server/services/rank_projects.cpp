#include "services/rank_projects.hpp"

#include <algorithm>
#include <map>

#include "domain/ranking.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

RankingView compute(storage::UnitOfWork& unit, Id programme_id, RankingOrder order, std::optional<Id> explained) {
  RankingView view;
  view.order = order;
  if (const auto programme = unit.programmes().find(programme_id)) view.programme_code = programme->code;
  const auto rubric = unit.projects().rubric(programme_id);
  const auto settings = unit.projects().settings(programme_id);
  const auto projects = unit.projects().projects(programme_id);
  const auto jurors = unit.jury().jurors(programme_id);
  const auto scores = unit.jury().submitted_scores(programme_id);
  view.criteria = rubric.criteria;
  view.disagreement_threshold = settings.disagreement_threshold;

  RankingInput input;
  for (const auto& criterion : rubric.criteria) input.criteria.push_back({criterion.weight, criterion.scale_min, criterion.scale_max});
  input.projects = projects.size();
  input.jurors = jurors.size();
  input.disagreement_threshold = settings.disagreement_threshold;
  std::map<Id, std::uint32_t> project_index, juror_index, criterion_index;
  std::map<std::string, std::uint32_t> region_index;
  for (std::uint32_t p = 0; p < projects.size(); ++p) {
    project_index[projects[p].id] = p;
    input.project_regions.push_back(region_index.try_emplace(projects[p].region_code, static_cast<std::uint32_t>(region_index.size())).first->second);
  }
  for (std::uint32_t j = 0; j < jurors.size(); ++j) juror_index[jurors[j].user_id] = j;
  for (std::uint32_t c = 0; c < rubric.criteria.size(); ++c) criterion_index[rubric.criteria[c].id] = c;

  // Scores come ordered by project, juror, criterion: one review per (project, juror) run. A
  // review missing a criterion (the rubric changed under it) is left out rather than guessed.
  std::vector<std::vector<std::string>> comments;
  const std::size_t criteria = rubric.criteria.size();
  for (std::size_t i = 0; i < scores.size();) {
    std::size_t end = i;
    while (end < scores.size() && scores[end].project_id == scores[i].project_id && scores[end].user_id == scores[i].user_id) ++end;
    const auto p = project_index.find(scores[i].project_id);
    const auto j = juror_index.find(scores[i].user_id);
    std::vector<float> levels(criteria, -1);
    std::vector<std::string> notes(criteria);
    for (std::size_t k = i; k < end; ++k)
      if (auto c = criterion_index.find(scores[k].criterion_id); c != criterion_index.end()) {
        levels[c->second] = static_cast<float>(scores[k].level);
        notes[c->second] = scores[k].comment;
      }
    if (p != project_index.end() && j != juror_index.end() && std::ranges::none_of(levels, [](float level) { return level < 0; })) {
      input.reviews.push_back({p->second, j->second});
      input.scores.insert(input.scores.end(), levels.begin(), levels.end());
      comments.push_back(std::move(notes));
    }
    i = end;
  }
  const RankingResult result = rank_projects(input);

  view.alpha = result.agreement.alpha;
  view.alpha_units = static_cast<std::int64_t>(result.agreement.units);
  view.pooled_mean = result.pooled_mean;
  view.pooled_sd = result.pooled_sd;
  for (std::size_t j = 0; j < jurors.size(); ++j)
    view.jurors.push_back({jurors[j].user_id, jurors[j].display_name, static_cast<std::int64_t>(result.jurors[j].reviews), result.jurors[j].mean,
                           result.jurors[j].sd});
  const auto& chosen = order == RankingOrder::raw ? result.order_raw : result.order_calibrated;
  for (std::uint32_t p : chosen) {
    const auto& project = projects[p];
    const auto& standing = result.projects[p];
    RankedProject row{project.id,
                      project.team_id,
                      project.team_name,
                      project.region_code,
                      project.region_name,
                      project.content.title,
                      project.content.gcm_objectives,
                      static_cast<std::int64_t>(standing.reviews),
                      standing.raw_score,
                      standing.calibrated_score,
                      static_cast<std::int64_t>(standing.rank_raw),
                      static_cast<std::int64_t>(standing.rank_calibrated),
                      static_cast<std::int64_t>(standing.region_rank_raw),
                      static_cast<std::int64_t>(standing.region_rank_calibrated),
                      standing.spread,
                      standing.calibrated_spread,
                      standing.disputed,
                      standing.criterion_means,
                      {}};
    if (explained && *explained == project.id)
      for (std::size_t r = 0; r < input.reviews.size(); ++r) {
        if (input.reviews[r].project != p) continue;
        const auto& juror = jurors[input.reviews[r].juror];
        RankedReview review{juror.user_id, juror.display_name, {}, comments[r], result.review_raw[r], result.review_calibrated[r]};
        for (std::size_t c = 0; c < criteria; ++c) review.levels.push_back(static_cast<int>(input.scores[r * criteria + c]));
        row.review_details.push_back(std::move(review));
      }
    view.projects.push_back(std::move(row));
  }
  if (!view.projects.empty()) {
    const auto rank_of = [&](const RankedProject& project) { return order == RankingOrder::raw ? project.rank_raw : project.rank_calibrated; };
    const bool alone = view.projects.size() == 1 || rank_of(view.projects[1]) != 1;
    if (rank_of(view.projects[0]) == 1 && alone) view.proposed_best = view.projects[0].project_id;
  }
  if (const auto best = unit.jury().best_project(programme_id)) {
    view.confirmed_best = best->project_id;
    view.confirmed_at = best->confirmed_at;
  }
  return view;
}

}  // namespace

Result<RankingView> get_ranking(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, RankingOrder order) {
  if (auto refused = refuse(actor, programme_id, Permission::view_ranking)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return compute(*unit, programme_id, order, std::nullopt);
}

Result<RankingView> explain_ranking(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, RankingOrder order) {
  if (auto refused = refuse(actor, programme_id, Permission::view_ranking)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->projects().project(programme_id, project_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  RankingView view = compute(*unit, programme_id, order, project_id);
  std::erase_if(view.projects, [&](const RankedProject& project) { return project.project_id != project_id; });
  return view;
}

Result<RankingView> confirm_best_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->projects().project(programme_id, project_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  const std::string at = format_iso8601(now);
  unit->jury().set_best_project(programme_id, project_id, actor.user_id, at);
  unit->audit().append({actor.user_id, "recognition.best_project", "project", project_id, "{}"}, at);
  RankingView view = compute(*unit, programme_id, RankingOrder::calibrated, std::nullopt);
  unit->commit();
  return view;
}

}  // namespace diplomado::services
