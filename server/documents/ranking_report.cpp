#include "documents/ranking_report.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace diplomado::documents {
namespace {

using nlohmann::ordered_json;

// Two decimals, as shown and as the tie-break compares them.
ordered_json score(const std::optional<double>& value) {
  return value ? ordered_json(std::round(*value * 100) / 100) : ordered_json(nullptr);
}
ordered_json score(double value) { return std::round(value * 100) / 100; }

}  // namespace

std::string ranking_json(const services::RankingView& ranking) {
  ordered_json document;
  document["programme"] = ranking.programme_code;
  document["order"] = ranking.order == services::RankingOrder::raw ? "raw" : "calibrated";
  document["criteria"] = ordered_json::array();
  for (const auto& criterion : ranking.criteria)
    document["criteria"].push_back({{"code", criterion.code},
                                    {"title", {{"es", criterion.title.es}, {"en", criterion.title.en}}},
                                    {"weight", criterion.weight},
                                    {"scale_min", criterion.scale_min},
                                    {"scale_max", criterion.scale_max}});
  document["agreement"] = {{"method", "krippendorff_alpha_interval"},
                           {"alpha", ranking.alpha ? ordered_json(std::round(*ranking.alpha * 1000) / 1000) : ordered_json(nullptr)},
                           {"projects", ranking.alpha_units},
                           {"disagreement_threshold", ranking.disagreement_threshold}};
  document["pooled"] = {{"mean", score(ranking.pooled_mean)}, {"sd", score(ranking.pooled_sd)}};
  document["jurors"] = ordered_json::array();
  for (const auto& juror : ranking.jurors)
    document["jurors"].push_back(
        {{"user_id", juror.user_id}, {"name", juror.display_name}, {"reviews", juror.reviews}, {"mean", score(juror.mean)}, {"sd", score(juror.sd)}});
  document["projects"] = ordered_json::array();
  for (const auto& project : ranking.projects) {
    ordered_json row{{"project_id", project.project_id},
                     {"team_id", project.team_id},
                     {"team", project.team_name},
                     {"region", {{"code", project.region_code}, {"name", project.region_name}}},
                     {"title", project.title},
                     {"gcm_objectives", project.gcm_objectives},
                     {"reviews", project.reviews},
                     {"raw_score", score(project.raw_score)},
                     {"calibrated_score", score(project.calibrated_score)},
                     {"rank_raw", project.rank_raw ? ordered_json(project.rank_raw) : ordered_json(nullptr)},
                     {"rank_calibrated", project.rank_calibrated ? ordered_json(project.rank_calibrated) : ordered_json(nullptr)},
                     {"region_rank_raw", project.region_rank_raw ? ordered_json(project.region_rank_raw) : ordered_json(nullptr)},
                     {"region_rank_calibrated", project.region_rank_calibrated ? ordered_json(project.region_rank_calibrated) : ordered_json(nullptr)},
                     {"spread", score(project.spread)},
                     {"calibrated_spread", score(project.calibrated_spread)},
                     {"needs_further_review", project.disputed}};
    row["criterion_means"] = ordered_json::object();
    for (std::size_t c = 0; c < ranking.criteria.size() && c < project.criterion_means.size(); ++c)
      row["criterion_means"][ranking.criteria[c].code] = score(project.criterion_means[c]);
    if (!project.review_details.empty()) {
      row["review_details"] = ordered_json::array();
      for (const auto& review : project.review_details) {
        ordered_json entry{{"user_id", review.user_id}, {"juror", review.juror}, {"raw_total", score(review.raw_total)},
                           {"calibrated_total", score(review.calibrated_total)}};
        entry["levels"] = ordered_json::object();
        entry["comments"] = ordered_json::object();
        for (std::size_t c = 0; c < ranking.criteria.size() && c < review.levels.size(); ++c) {
          entry["levels"][ranking.criteria[c].code] = review.levels[c];
          if (c < review.comments.size() && !review.comments[c].empty()) entry["comments"][ranking.criteria[c].code] = review.comments[c];
        }
        row["review_details"].push_back(std::move(entry));
      }
    }
    document["projects"].push_back(std::move(row));
  }
  document["best_project"] = {{"proposed", ranking.proposed_best ? ordered_json(*ranking.proposed_best) : ordered_json(nullptr)},
                              {"confirmed", ranking.confirmed_best ? ordered_json(*ranking.confirmed_best) : ordered_json(nullptr)},
                              {"confirmed_at", ranking.confirmed_at.empty() ? ordered_json(nullptr) : ordered_json(ranking.confirmed_at)}};
  return document.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace diplomado::documents
