#pragma once
// Final projects (issue 4): the rubric, a review's total, a project's score, juror calibration,
// the jury's agreement and the ranking, nationwide and per region. Pure functions over dense
// arrays, so 10,000 projects × 5 reviews × 8 criteria rank in a few milliseconds. Nothing here is
// stored: the ranking is derived from the reviews every time (DESIGN.md §2, "Ranking").
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace diplomado {

// One criterion's weight and its scale (whole levels from scale_min to scale_max).
struct CriterionScale {
  double weight = 1;
  int scale_min = 1;
  int scale_max = 5;
};

// Rules a rubric must meet: at least one criterion, weights ≥ 0 with a positive sum, a scale of
// at least two levels. Errors name the criterion (by its position) and the rule.
std::vector<FieldError> check_rubric(const std::vector<CriterionScale>& criteria, const std::vector<std::string>& codes);

// A review as a juror sends it: criterion code → level. Every criterion must be there, each a
// whole level within its scale; errors name the criterion by its code.
std::vector<FieldError> check_review(const std::vector<CriterionScale>& criteria, const std::vector<std::string>& codes,
                                     const std::map<std::string, double>& scores);

// A review's total, in points from 0 to 100: the weighted sum of its criteria, each criterion
// first put on 0..1 by its scale, the weights divided by their sum.
//   total = 100 × Σ w_c (s_c − min_c) / (max_c − min_c) / Σ w_c
double review_total(const std::vector<CriterionScale>& criteria, const float* scores);

struct ReviewRef {
  std::uint32_t project = 0;  // index into the projects
  std::uint32_t juror = 0;    // index into the jurors
};

struct RankingInput {
  std::vector<CriterionScale> criteria;
  std::size_t projects = 0;
  std::size_t jurors = 0;
  std::vector<std::uint32_t> project_regions;  // region index of each project
  std::vector<ReviewRef> reviews;               // submitted reviews only
  std::vector<float> scores;                    // reviews × criteria, the levels given
  double disagreement_threshold = 20;           // points: a wider spread of totals flags the project
};

// Krippendorff's alpha for interval data over review totals (units = projects, coders = jurors).
// Chosen over ICC(2,1) because each project is scored by a few of the jurors, not all of them:
// alpha takes missing values as they come. Krippendorff (2011), "Computing Krippendorff's
// Alpha-Reliability", with δ²(c,k) = (c − k)²:
//   α = 1 − D_o / D_e,  n = Σ_u m_u over units with m_u ≥ 2 values,
//   D_o = (1/n) Σ_u (1/(m_u − 1)) Σ_{i≠j ∈ u} (v_i − v_j)²,
//   D_e = (1/(n(n − 1))) Σ_{i≠j over all pairable values} (v_i − v_j)².
// Empty when fewer than two units have two values or every value is the same.
struct Agreement {
  std::optional<double> alpha;
  std::size_t units = 0;   // projects with two or more reviews
  std::size_t values = 0;  // the reviews of those projects
};
Agreement krippendorff_alpha_interval(const std::vector<std::uint32_t>& unit_of_value, const std::vector<double>& values, std::size_t units);

struct JurorCalibration {
  std::size_t reviews = 0;
  double mean = 0;  // of this juror's totals
  double sd = 0;    // population standard deviation
};

struct ProjectStanding {
  std::size_t reviews = 0;
  std::optional<double> raw_score;         // mean of the review totals
  std::optional<double> calibrated_score;  // mean of the calibrated totals
  std::vector<double> criterion_means;     // per criterion, 0..100, raw (explanations, tie-break)
  double spread = 0;                       // highest minus lowest raw total
  double calibrated_spread = 0;            // the same over calibrated totals
  // The calibrated spread above the threshold: the jurors disagree about this project beyond
  // their habits (a harsh and a lenient juror are not a disagreement), so it needs a further review.
  bool disputed = false;
  // Standard competition ranks ("1, 2, 2, 4"); 0 when unranked (no reviews).
  std::size_t rank_raw = 0;
  std::size_t rank_calibrated = 0;
  std::size_t region_rank_raw = 0;
  std::size_t region_rank_calibrated = 0;
};

struct RankingResult {
  std::vector<double> review_raw;         // each review's total
  std::vector<double> review_calibrated;  // the same, calibrated
  std::vector<JurorCalibration> jurors;
  double pooled_mean = 0;  // over every review total
  double pooled_sd = 0;
  Agreement agreement;
  std::vector<ProjectStanding> projects;
  // Project indices from first to last (unranked ones at the end, by index).
  std::vector<std::uint32_t> order_raw;
  std::vector<std::uint32_t> order_calibrated;
};

// Calibration: each juror's totals are standardised across that juror's reviews and mapped back
// to the pooled scale, calibrated = μ + σ (t − μ_j) / σ_j, clamped to 0..100; a harsh and a
// lenient juror then count alike. A juror with all totals equal is only shifted (t − μ_j + μ);
// a juror with one review is left as is, since one review says nothing about their habits.
//
// Tie-break (documented in docs/final-projects.md): scores are compared rounded to two decimals,
// as shown. Equal scores are separated by the mean on the heaviest criterion, then the next
// heaviest (rubric order among equal weights). Projects still equal share the rank ("1, 2, 2, 4")
// and are listed by index.
RankingResult rank_projects(const RankingInput& input);

}  // namespace diplomado
