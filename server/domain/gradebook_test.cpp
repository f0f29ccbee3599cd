#include "domain/gradebook.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace diplomado {
namespace {

constexpr float none = std::numeric_limits<float>::quiet_NaN();

// Two modules (weights 1 and 3), each with two assessments, plus a pre- and a post-test; two
// sessions per module.
GradebookInput two_modules(std::vector<float> scores, std::vector<Attendance> attendance, GradingPolicy policy = {}) {
  GradebookInput input;
  input.policy = policy;
  input.modules = {{1, std::nullopt}, {3, 60.0}};
  input.assessments = {{0, AssessmentKind::quiz, 10, 1},          {0, AssessmentKind::exam, 20, 3},
                       {1, AssessmentKind::assignment, 100, 1},   {1, AssessmentKind::exam, 100, 1},
                       {std::nullopt, AssessmentKind::pretest, 40, 1}, {std::nullopt, AssessmentKind::posttest, 40, 1}};
  input.session_modules = {0, 0, 1, 1};
  input.enrollments = 1;
  input.scores = std::move(scores);
  input.attendance = std::move(attendance);
  return input;
}

using enum Attendance;

TEST(Gradebook, ModuleGradesAreWeightedPercentagesAndTheFinalGradeWeighsModules) {
  const struct {
    const char* name;
    std::vector<float> scores;
    MissingGrade missing;
    std::optional<double> module0, module1, final_grade;
    int passed;
  } cases[] = {
      // module 0: (1×80 + 3×75) / 4 = 76.25 → 76.3; module 1: (90 + 50) / 2 = 70; final (76.3 + 3×70) / 4 = 71.575 → 71.6
      {"all graded", {8, 15, 90, 50, 10, 30}, MissingGrade::counts_as_zero, 76.3, 70.0, 71.6, 2},
      // a missing exam counts as zero: module 0 = 80 / 4 = 20
      {"missing as zero", {8, none, 90, 50, none, none}, MissingGrade::counts_as_zero, 20.0, 70.0, 57.5, 1},
      // left out: module 0 is the quiz alone
      {"missing left out", {8, none, 90, 50, none, none}, MissingGrade::left_out, 80.0, 70.0, 72.5, 2},
      // nothing graded in module 1: no grade; left out of the final, or zero in it
      {"module ungraded, left out", {8, 15, none, none, none, none}, MissingGrade::left_out, 76.3, std::nullopt, 76.3, 1},
      {"module ungraded, zero", {8, 15, none, none, none, none}, MissingGrade::counts_as_zero, 76.3, 0.0, 19.1, 1},
      // module 1 has its own pass mark (60): 59.5 fails, the policy's 70 does not apply to it
      {"own pass mark", {10, 20, 59, 60, 0, 40}, MissingGrade::counts_as_zero, 100.0, 59.5, 69.6, 1},
  };
  for (const auto& c : cases) {
    GradingPolicy policy;
    policy.missing_grade = c.missing;
    const auto progress = compute_progress(two_modules(c.scores, {present, present, present, present}, policy), 0);
    EXPECT_EQ(progress.module_grades[0], c.module0) << c.name;
    EXPECT_EQ(progress.module_grades[1], c.module1) << c.name;
    EXPECT_EQ(progress.final_grade, c.final_grade) << c.name;
    EXPECT_EQ(progress.modules_passed, c.passed) << c.name;
  }
}

TEST(Gradebook, RoundingIsHalfAwayFromZeroAtThePolicysDecimals) {
  const struct {
    double value;
    int decimals;
    double expected;
  } cases[] = {{76.25, 1, 76.3}, {76.25, 0, 76}, {76.5, 0, 77}, {84.45, 1, 84.5}, {2.675, 2, 2.68}, {70.04999, 1, 70.0}, {-1.5, 0, -2}};
  for (const auto& c : cases) EXPECT_DOUBLE_EQ(round_half_away(c.value, c.decimals), c.expected) << c.value << " @" << c.decimals;
}

TEST(Gradebook, AttendanceCountsLateAsPresentAndExcusedAsThePolicySays) {
  const struct {
    const char* name;
    std::vector<Attendance> marks;
    ExcusedAbsence excused;
    std::optional<double> module0, module1, overall;
    bool meets;
  } cases[] = {
      {"all present", {present, late, present, present}, ExcusedAbsence::left_out, 100.0, 100.0, 100.0, true},
      {"one absent", {present, absent, present, present}, ExcusedAbsence::left_out, 50.0, 100.0, 75.0, false},
      {"excused left out", {present, excused, present, present}, ExcusedAbsence::left_out, 100.0, 100.0, 100.0, true},
      {"excused as absent", {present, excused, present, present}, ExcusedAbsence::counts_as_absent, 50.0, 100.0, 75.0, false},
      {"excused as present", {excused, excused, absent, present}, ExcusedAbsence::counts_as_present, 100.0, 50.0, 75.0, false},
      {"nothing recorded", {unrecorded, unrecorded, unrecorded, unrecorded}, ExcusedAbsence::left_out, std::nullopt, std::nullopt, std::nullopt, false},
  };
  for (const auto& c : cases) {
    GradingPolicy policy;
    policy.excused = c.excused;
    const auto progress = compute_progress(two_modules({8, 15, 90, 50, none, none}, c.marks, policy), 0);
    EXPECT_EQ(progress.module_attendance[0], c.module0) << c.name;
    EXPECT_EQ(progress.module_attendance[1], c.module1) << c.name;
    EXPECT_EQ(progress.attendance, c.overall) << c.name;
    EXPECT_EQ(progress.meets_attendance, c.meets) << c.name;
  }
}

TEST(Gradebook, PreAndPostTestsAreReadAsPercentagesOutsideTheModules) {
  const auto progress = compute_progress(two_modules({8, 15, 90, 50, 10, 30}, {present, present, present, present}), 0);
  EXPECT_EQ(progress.pretest, 25.0);
  EXPECT_EQ(progress.posttest, 75.0);
}

TEST(Gradebook, AWholeProgrammeIsComputedRowByRow) {
  auto input = two_modules({8, 15, 90, 50, 10, 30, 10, 20, 100, 100, 40, 40}, {present, present, present, present, absent, absent, absent, absent});
  input.enrollments = 2;
  std::vector<EnrollmentProgress> rows;
  compute_gradebook(input, rows);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].final_grade, 71.6);
  EXPECT_EQ(rows[1].final_grade, 100.0);
  EXPECT_EQ(rows[1].attendance, 0.0);
  EXPECT_FALSE(rows[1].meets_attendance);
}

TEST(Gradebook, EveryRequirementGapIsGivenNotOnlyTheFirst) {
  // Module 0: 76.3 passes 70; module 1 (pass mark 60): ungraded. Attendance 1 of 4 = 25 %.
  auto input = two_modules({8, 15, none, none, none, none}, {present, absent, absent, absent}, {.missing_grade = MissingGrade::left_out});
  const auto progress = compute_progress(input, 0);
  const auto gaps = requirement_gaps(input, progress, EnrollmentState::withdrawn, ProjectGrading::graded, false);
  ASSERT_EQ(gaps.size(), 4u);
  EXPECT_EQ(gaps[0].kind, Shortfall::withdrawn);
  EXPECT_EQ(gaps[1].kind, Shortfall::attendance);
  EXPECT_EQ(gaps[1].value, 25.0);
  EXPECT_EQ(gaps[1].required, 80.0);
  EXPECT_EQ(gaps[2].kind, Shortfall::module_ungraded);
  EXPECT_EQ(gaps[2].module, 1u);
  EXPECT_EQ(gaps[2].required, 60.0);  // the module's own pass mark, not the policy's
  EXPECT_EQ(gaps[3].kind, Shortfall::project_missing);

  // A failed module names its grade; an enrolment that meets everything has no gap.
  auto failing = two_modules({8, 15, 50, 50, 10, 30}, {present, present, present, present});
  const auto failed = requirement_gaps(failing, compute_progress(failing, 0), EnrollmentState::active, ProjectGrading::not_graded, false);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].kind, Shortfall::module_failed);
  EXPECT_EQ(failed[0].value, 50.0);
  auto passing = two_modules({8, 15, 90, 50, 10, 30}, {present, present, present, present});
  EXPECT_TRUE(requirement_gaps(passing, compute_progress(passing, 0), EnrollmentState::active, ProjectGrading::graded, true).empty());
}

TEST(Gradebook, StructureAndScoresAreCheckedNamingTheRule) {
  const auto codes = [](const std::vector<FieldError>& errors) {
    std::vector<std::string> found;
    for (const auto& error : errors) found.push_back(error.code);
    return found;
  };
  EXPECT_TRUE(check_structure({{1, {}}, {3, {}}}, {{0, AssessmentKind::quiz, 10, 1}, {std::nullopt, AssessmentKind::pretest, 40, 1}}).empty());
  EXPECT_EQ(codes(check_structure({{0, {}}, {0, {}}}, {})), std::vector<std::string>{"zero_total_weight"});
  EXPECT_EQ(codes(check_structure({{-1, {}}, {2, {}}}, {})), std::vector<std::string>{"negative_weight"});
  EXPECT_EQ(codes(check_structure({{1, {}}}, {{0, AssessmentKind::quiz, 0, 0}})), (std::vector<std::string>{"not_positive", "zero_module_weight"}));
  EXPECT_EQ(codes(check_structure({{1, {}}}, {{0, AssessmentKind::pretest, 10, 1}, {std::nullopt, AssessmentKind::exam, 10, 1}})),
            (std::vector<std::string>{"test_in_module", "module_required"}));

  EXPECT_EQ(parse_score("8,5"), 8.5);  // the decimal comma of Spanish
  EXPECT_EQ(parse_score(" 8.5 "), 8.5);
  EXPECT_EQ(parse_score("10"), 10.0);
  for (const char* bad : {"", "ocho", "8,5,1", "8.5.1", ",5", "8,", "-1", "1e3", "8 5"}) EXPECT_FALSE(parse_score(bad)) << bad;
  EXPECT_FALSE(check_score(8.5, 10));
  EXPECT_EQ(check_score(10.5, 10)->code, "above_maximum");
  EXPECT_EQ(check_score(-1, 10)->code, "negative");
  EXPECT_EQ(check_score(std::nan(""), 10)->code, "not_a_number");

  GradingPolicy policy;
  policy.module_pass_mark = 120;
  policy.rounding_decimals = 7;
  EXPECT_EQ(codes(check_grading_policy(policy)), (std::vector<std::string>{"out_of_range", "out_of_range"}));
}

TEST(KnowledgeGain, PerParticipantGainAndNormalisedGain) {
  const struct {
    double pre, post, gain;
    std::optional<double> normalised;
  } cases[] = {{40, 70, 30, 0.5}, {80, 70, -10, -0.5}, {100, 100, 0, std::nullopt}, {0, 100, 100, 1.0}};
  for (const auto& c : cases) {
    const auto gain = participant_gain(c.pre, c.post);
    EXPECT_DOUBLE_EQ(gain.gain, c.gain);
    EXPECT_EQ(gain.normalised_gain, c.normalised) << c.pre << "->" << c.post;
  }
}

TEST(KnowledgeGain, WilcoxonSignedRankMatchesTheTextbookExample) {
  // Darwin's maize data as Wilcoxon (1945) used it: W+ = 96, exact two-sided p = 0.04126.
  const auto test = wilcoxon_signed_rank({6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75});
  EXPECT_EQ(test.n, 15u);
  EXPECT_DOUBLE_EQ(test.w_plus, 96);
  EXPECT_TRUE(test.exact);
  EXPECT_NEAR(test.p_value, 0.041259765625, 1e-12);
  EXPECT_NEAR(test.z, 2.0163, 1e-4);

  // Zeros are dropped; ties get average ranks and the normal approximation.
  const auto tied = wilcoxon_signed_rank({0, 5, 5, -5, 10, 10, 10});
  EXPECT_EQ(tied.n, 6u);
  EXPECT_FALSE(tied.exact);
  EXPECT_DOUBLE_EQ(tied.w_plus, 2 + 2 + 5 + 5 + 5);
  EXPECT_EQ(wilcoxon_signed_rank({}).p_value, 1);
}

TEST(KnowledgeGain, AggregateSharesAndTheTestWithN) {
  const auto gain = knowledge_gain({{40, 70}, {50, 90}, {60, 60}, {80, 75}}, 70);
  EXPECT_EQ(gain.pairs, 4u);
  EXPECT_DOUBLE_EQ(gain.mean_pre, 57.5);
  EXPECT_DOUBLE_EQ(gain.mean_post, 73.75);
  EXPECT_DOUBLE_EQ(gain.mean_gain, 16.25);
  EXPECT_DOUBLE_EQ(gain.share_improved, 0.5);
  EXPECT_DOUBLE_EQ(gain.share_post_pass, 0.75);
  EXPECT_EQ(gain.wilcoxon.n, 3u);  // the unchanged pair is not counted
  ASSERT_TRUE(gain.mean_normalised_gain);
  EXPECT_NEAR(*gain.mean_normalised_gain, (0.5 + 0.8 + 0 - 0.25) / 4, 1e-12);
}

}  // namespace
}  // namespace diplomado
