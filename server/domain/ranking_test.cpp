#include "domain/ranking.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace diplomado {
namespace {

// One criterion on 0..100 with weight 1: a review's total is its level, which keeps the hand
// computations below readable.
RankingInput one_criterion(std::size_t projects, std::size_t jurors, std::vector<ReviewRef> reviews, std::vector<float> scores) {
  RankingInput input;
  input.criteria = {{1, 0, 100}};
  input.projects = projects;
  input.jurors = jurors;
  input.project_regions.assign(projects, 0);
  input.reviews = std::move(reviews);
  input.scores = std::move(scores);
  return input;
}

TEST(Ranking, AReviewTotalIsTheWeightedSumOfItsCriteriaOnTheirScales) {
  const struct {
    std::vector<CriterionScale> criteria;
    std::vector<float> levels;
    double total;
  } cases[] = {
      // 100 × (2×1 + 1×0.5 + 1×0) / 4
      {{{2, 1, 5}, {1, 1, 5}, {1, 1, 5}}, {5, 3, 1}, 62.5},
      {{{2, 1, 5}, {1, 1, 5}, {1, 1, 5}}, {1, 1, 1}, 0},
      {{{2, 1, 5}, {1, 1, 5}, {1, 1, 5}}, {5, 5, 5}, 100},
      // different scales: 100 × (1×(3−0)/4 + 3×(7−1)/9) / 4 = 68.75
      {{{1, 0, 4}, {3, 1, 10}}, {3, 7}, 68.75},
      // a criterion of weight 0 counts for nothing
      {{{0, 1, 5}, {1, 1, 5}}, {1, 5}, 100},
  };
  for (const auto& c : cases) EXPECT_DOUBLE_EQ(review_total(c.criteria, c.levels.data()), c.total);
}

TEST(Ranking, AReviewMustGiveEveryCriterionAWholeLevelOnItsScale) {
  const std::vector<CriterionScale> criteria{{1, 1, 5}, {1, 0, 3}};
  const std::vector<std::string> codes{"gcm", "feasibility"};
  const struct {
    std::map<std::string, double> scores;
    std::vector<std::pair<std::string, std::string>> errors;  // field, code
  } cases[] = {
      {{{"gcm", 5}, {"feasibility", 0}}, {}},
      {{{"gcm", 6}, {"feasibility", 0}}, {{"gcm", "out_of_scale"}}},
      {{{"gcm", 0}, {"feasibility", 3}}, {{"gcm", "out_of_scale"}}},
      {{{"gcm", 2.5}, {"feasibility", 3}}, {{"gcm", "out_of_scale"}}},
      {{{"gcm", 3}}, {{"feasibility", "required"}}},
      {{{"gcm", 3}, {"feasibility", 1}, {"beauty", 2}}, {{"beauty", "unknown"}}},
      {{}, {{"gcm", "required"}, {"feasibility", "required"}}},
  };
  for (const auto& c : cases) {
    const auto errors = check_review(criteria, codes, c.scores);
    ASSERT_EQ(errors.size(), c.errors.size());
    for (std::size_t i = 0; i < errors.size(); ++i) {
      EXPECT_EQ(errors[i].field, c.errors[i].first);
      EXPECT_EQ(errors[i].code, c.errors[i].second);
    }
  }
}

TEST(Ranking, ARubricNeedsCriteriaWithNamesWeightsAndAScale) {
  EXPECT_TRUE(check_rubric({{1, 1, 5}, {2, 0, 10}}, {"a", "b"}).empty());
  EXPECT_EQ(check_rubric({}, {}).at(0).code, "required");
  EXPECT_EQ(check_rubric({{1, 1, 5}, {1, 1, 5}}, {"a", "a"}).at(0).code, "duplicate");
  EXPECT_EQ(check_rubric({{-1, 1, 5}, {1, 1, 5}}, {"a", "b"}).at(0).field, "criteria[0].weight");
  EXPECT_EQ(check_rubric({{1, 5, 5}}, {"a"}).at(0).field, "criteria[0].scale_max");
  EXPECT_EQ(check_rubric({{0, 1, 5}}, {"a"}).at(0).code, "weights_sum");
}

TEST(Ranking, KrippendorffsAlphaForIntervalDataMatchesThePublishedExample) {
  // Krippendorff (2011), section C: four observers, twelve units, missing values. Published
  // interval alpha: 0.849 (Python over the same data by the definition: 0.8491071…).
  const std::vector<std::vector<double>> units{{1, 1, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
                                               {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {5, 5, 5},    {1, 1},       {3}};
  std::vector<std::uint32_t> unit_of_value;
  std::vector<double> values;
  for (std::uint32_t u = 0; u < units.size(); ++u)
    for (double v : units[u]) {
      unit_of_value.push_back(u);
      values.push_back(v);
    }
  const Agreement agreement = krippendorff_alpha_interval(unit_of_value, values, units.size());
  ASSERT_TRUE(agreement.alpha);
  EXPECT_NEAR(*agreement.alpha, 0.8491071428571428, 1e-12);
  EXPECT_EQ(agreement.units, 11u);  // the last unit has one value: not pairable
  EXPECT_EQ(agreement.values, 40u);
}

TEST(Ranking, AlphaIsOneForPerfectAgreementAndEmptyWhenItCannotBeComputed) {
  // Two units, each rated alike by two jurors: D_o = 0.
  EXPECT_DOUBLE_EQ(*krippendorff_alpha_interval({0, 0, 1, 1}, {10, 10, 20, 20}, 2).alpha, 1.0);
  // Hand-computed: units {0, 10} and {10, 10}; n = 4, Σ over ordered pairs within units:
  // 200 / 1 + 0 = 200 → D_o = 50; all values 0, 10, 10, 10: Σ = 30, Σ² = 300 → ordered pairs
  // 2×4×300 − 2×900 = 600 → D_e = 600 / 12 = 50; alpha = 1 − 50/50 = 0.
  EXPECT_NEAR(*krippendorff_alpha_interval({0, 0, 1, 1}, {0, 10, 10, 10}, 2).alpha, 0.0, 1e-12);
  EXPECT_FALSE(krippendorff_alpha_interval({0, 0, 1, 1}, {7, 7, 7, 7}, 2).alpha);  // no variation at all
  EXPECT_FALSE(krippendorff_alpha_interval({0, 0, 1}, {1, 2, 3}, 2).alpha);        // one pairable unit
}

TEST(Ranking, CalibrationCorrectsAHarshAndALenientJuror) {
  // Juror 0 (harsh) gives P0 60 and P1 40; juror 1 (lenient) gives P1 80 and P2 70.
  // Raw: P0 60, P1 60, P2 70 → P2 first.
  // Pooled mean 62.5, sd √218.75 = 14.790; juror 0: mean 50, sd 10; juror 1: mean 75, sd 5.
  // Calibrated: P0 = 62.5 + 14.790 = 77.29; P1 = (47.71 + 77.29) / 2 = 62.5; P2 = 47.71.
  const RankingResult result = rank_projects(one_criterion(3, 2, {{0, 0}, {1, 0}, {1, 1}, {2, 1}}, {60, 40, 80, 70}));
  const double sd = std::sqrt(218.75);
  EXPECT_DOUBLE_EQ(result.pooled_mean, 62.5);
  EXPECT_NEAR(result.pooled_sd, sd, 1e-12);
  EXPECT_DOUBLE_EQ(result.jurors[0].mean, 50);
  EXPECT_DOUBLE_EQ(result.jurors[0].sd, 10);
  EXPECT_DOUBLE_EQ(result.jurors[1].sd, 5);
  EXPECT_NEAR(*result.projects[0].calibrated_score, 62.5 + sd, 1e-9);
  EXPECT_NEAR(*result.projects[1].calibrated_score, 62.5, 1e-9);
  EXPECT_NEAR(*result.projects[2].calibrated_score, 62.5 - sd, 1e-9);
  EXPECT_EQ(result.order_raw, (std::vector<std::uint32_t>{2, 0, 1}));
  EXPECT_EQ(result.order_calibrated, (std::vector<std::uint32_t>{0, 1, 2}));
  // Raw P0 and P1 are both 60 on the only criterion: they share rank 2.
  EXPECT_EQ(result.projects[2].rank_raw, 1u);
  EXPECT_EQ(result.projects[0].rank_raw, 2u);
  EXPECT_EQ(result.projects[1].rank_raw, 2u);
  EXPECT_EQ(result.projects[0].rank_calibrated, 1u);
}

TEST(Ranking, AJurorWithOneReviewIsLeftAsIsAndOneWithEqualTotalsIsOnlyShifted) {
  // Juror 0: one review (P0 30). Juror 1: two reviews of 80 (P1, P2). Pooled mean = 190/3.
  const RankingResult result = rank_projects(one_criterion(3, 2, {{0, 0}, {1, 1}, {2, 1}}, {30, 80, 80}));
  EXPECT_DOUBLE_EQ(result.review_calibrated[0], 30);
  EXPECT_NEAR(result.review_calibrated[1], 190.0 / 3, 1e-9);
  EXPECT_NEAR(result.review_calibrated[2], 190.0 / 3, 1e-9);
}

TEST(Ranking, TiesAreBrokenByTheHeaviestCriterionThenShared) {
  RankingInput input;
  input.criteria = {{1, 1, 5}, {3, 1, 5}};  // the second criterion weighs most
  input.projects = 4;
  input.jurors = 1;
  input.project_regions = {0, 0, 1, 1};
  input.reviews = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
  // P0 (5, 3) = 100×(1×1 + 3×0.5)/4 = 62.5; P1 (1, 4) = 100×(0 + 3×0.75)/4 = 56.25; P2 is P0
  // again and P3 is P1 again: two exact ties.
  input.scores = {5, 3, 1, 4, 5, 3, 1, 4};
  RankingResult result = rank_projects(input);
  EXPECT_EQ(result.projects[0].rank_raw, 1u);
  EXPECT_EQ(result.projects[2].rank_raw, 1u);
  EXPECT_EQ(result.projects[1].rank_raw, 3u);
  EXPECT_EQ(result.projects[3].rank_raw, 3u);
  EXPECT_EQ(result.order_raw, (std::vector<std::uint32_t>{0, 2, 1, 3}));

  // Same total, different criteria: P0 (5, 3) = 62.5 and P1 (2, 4) = 100×(0.25 + 2.25)/4 = 62.5.
  // P1 is ahead on the heaviest criterion, so it ranks first.
  input.scores = {5, 3, 2, 4, 1, 1, 1, 1};
  result = rank_projects(input);
  EXPECT_DOUBLE_EQ(*result.projects[0].raw_score, *result.projects[1].raw_score);
  EXPECT_EQ(result.projects[1].rank_raw, 1u);
  EXPECT_EQ(result.projects[0].rank_raw, 2u);
  // Per region: P2 and P3 are alone in region 1 and tie there.
  EXPECT_EQ(result.projects[2].region_rank_raw, 1u);
  EXPECT_EQ(result.projects[3].region_rank_raw, 1u);
  EXPECT_EQ(result.projects[0].region_rank_raw, 2u);
}

TEST(Ranking, ProjectsWithoutReviewsAreUnrankedAndDisagreementBeyondHabitsIsFlagged) {
  // Juror 0 gives P0 50 and P1 60; juror 1 gives P0 90 and P1 75; juror 2 gives P0 70 and P3 70.
  // Juror 0: mean 55, sd 5; juror 1: mean 82.5, sd 7.5; juror 2: mean 70, sd 0 (only shifted).
  // Pooled: 50, 90, 70, 60, 75, 70 → mean 69.1667, sd σ.
  // P0 calibrated: 69.17 − σ, 69.17 + σ, 69.17: spread 2σ. P1: 69.17 + σ and 69.17 − σ: 2σ.
  // P3: one review. The raw spreads are 40 (P0) and 15 (P1): calibration shows that on P1 the two
  // jurors disagree as much as on P0 once each juror's habit is taken out.
  RankingInput input = one_criterion(4, 3, {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {3, 2}}, {50, 90, 70, 60, 75, 70});
  input.disagreement_threshold = 20;
  const RankingResult result = rank_projects(input);
  const double mean = (50 + 90 + 70 + 60 + 75 + 70) / 6.0;
  double squares = 0;
  for (double v : {50.0, 90.0, 70.0, 60.0, 75.0, 70.0}) squares += (v - mean) * (v - mean);
  const double sd = std::sqrt(squares / 6);
  EXPECT_DOUBLE_EQ(result.projects[0].spread, 40);
  EXPECT_DOUBLE_EQ(result.projects[1].spread, 15);
  EXPECT_NEAR(result.projects[0].calibrated_spread, 2 * sd, 1e-9);
  EXPECT_NEAR(result.projects[1].calibrated_spread, 2 * sd, 1e-9);
  EXPECT_TRUE(result.projects[0].disputed);  // 2σ ≈ 24.8 > 20
  EXPECT_TRUE(result.projects[1].disputed);
  EXPECT_FALSE(result.projects[3].disputed);  // one review cannot disagree
  EXPECT_EQ(result.projects[2].reviews, 0u);
  EXPECT_FALSE(result.projects[2].raw_score);
  EXPECT_EQ(result.projects[2].rank_raw, 0u);
  EXPECT_EQ(result.order_raw.back(), 2u);
  EXPECT_EQ(result.agreement.units, 2u);

  input.disagreement_threshold = 30;  // 2σ is below 30: nothing flagged
  EXPECT_FALSE(rank_projects(input).projects[0].disputed);
}

}  // namespace
}  // namespace diplomado
