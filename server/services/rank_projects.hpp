#pragma once
// The ranking (issue 4): derived from the submitted reviews every time (domain/ranking), raw and
// calibrated side by side, nationwide and per region, with the jury's agreement, the projects
// that need a further review, and an explanation of each project's place.
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

enum class RankingOrder { raw, calibrated };

struct RankedReview {
  Id user_id = 0;
  std::string juror;
  std::vector<int> levels;  // per criterion, rubric order
  std::vector<std::string> comments;
  double raw_total = 0;
  double calibrated_total = 0;
};

struct RankedProject {
  Id project_id = 0;
  Id team_id = 0;
  std::string team_name;
  std::string region_code;
  std::string region_name;
  std::string title;
  std::vector<int> gcm_objectives;
  std::int64_t reviews = 0;
  std::optional<double> raw_score;
  std::optional<double> calibrated_score;
  std::int64_t rank_raw = 0;  // 0: unranked
  std::int64_t rank_calibrated = 0;
  std::int64_t region_rank_raw = 0;
  std::int64_t region_rank_calibrated = 0;
  double spread = 0;             // raw totals
  double calibrated_spread = 0;  // what the flag is decided on
  bool disputed = false;
  std::vector<double> criterion_means;  // 0..100
  std::vector<RankedReview> review_details;  // filled for the explanation only
};

struct RankedJuror {
  Id user_id = 0;
  std::string display_name;
  std::int64_t reviews = 0;
  double mean = 0;
  double sd = 0;
};

struct RankingView {
  std::string programme_code;
  RankingOrder order = RankingOrder::raw;
  std::vector<RubricCriterionRecord> criteria;
  std::vector<RankedProject> projects;  // in the chosen order, unranked last
  std::vector<RankedJuror> jurors;
  std::optional<double> alpha;  // Krippendorff's alpha (interval) over review totals
  std::int64_t alpha_units = 0;
  double pooled_mean = 0;
  double pooled_sd = 0;
  double disagreement_threshold = 20;
  std::optional<Id> proposed_best;   // first of the chosen order, when it stands alone
  std::optional<Id> confirmed_best;  // the coordinator's confirmation
  std::string confirmed_at;
};

Result<RankingView> get_ranking(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, RankingOrder order);
// One project's place explained: its row with every review (criterion by criterion, juror by
// juror, raw and calibrated), and the jurors' habits that calibration corrects.
Result<RankingView> explain_ranking(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, RankingOrder order);
Result<RankingView> confirm_best_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, TimePoint now);

}  // namespace diplomado::services
