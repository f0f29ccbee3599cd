#include "domain/graduation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace diplomado {
namespace {

constexpr float no_grade = std::numeric_limits<float>::quiet_NaN();
using enum Attendance;

// Two modules of two sessions each and one assessment each (out of 100).
GradebookInput input_with(std::vector<float> scores, std::vector<Attendance> attendance, GradingPolicy policy = {}) {
  GradebookInput input;
  input.policy = policy;
  input.modules = {{1, std::nullopt}, {1, std::nullopt}};
  input.assessments = {{0, AssessmentKind::exam, 100, 1}, {1, AssessmentKind::exam, 100, 1}};
  input.session_modules = {0, 0, 1, 1};
  input.enrollments = 1;
  input.scores = std::move(scores);
  input.attendance = std::move(attendance);
  return input;
}

std::vector<Shortfall> kinds(const GradebookInput& input, EnrollmentState state = EnrollmentState::active,
                             ProjectGrading grading = ProjectGrading::not_graded, bool submitted = false) {
  std::vector<Shortfall> found;
  for (const auto& gap : requirement_gaps(input, compute_progress(input, 0), state, grading, submitted)) found.push_back(gap.kind);
  return found;
}

TEST(Eligibility, EachRuleAloneAndInCombination) {
  using enum Shortfall;
  const struct {
    const char* name;
    std::vector<float> scores;
    std::vector<Attendance> attendance;
    GradingPolicy policy;
    std::vector<Shortfall> expected;
  } cases[] = {
      {"meets everything", {90, 80}, {present, present, present, present}, {}, {}},
      {"overall attendance 50 %", {90, 80}, {present, absent, present, absent}, {}, {attendance}},
      // 75 % overall meets 75, but module 0 is at 50 %.
      {"module attendance", {90, 80}, {present, absent, present, present}, {.attendance_threshold = 75, .module_attendance_threshold = 60}, {module_attendance}},
      {"module attendance not asked", {90, 80}, {present, absent, present, present}, {.attendance_threshold = 75}, {}},
      {"one module failed", {90, 50}, {present, present, present, present}, {}, {module_failed}},
      {"failed but modules not required", {90, 50}, {present, present, present, present}, {.require_all_modules = false}, {}},
      // Final grade (90 + 50) / 2 = 70 below 75.
      {"final grade", {90, 50}, {present, present, present, present}, {.minimum_final_grade = 75, .require_all_modules = false}, {final_grade}},
      {"final grade met", {90, 60}, {present, present, present, present}, {.module_pass_mark = 50, .minimum_final_grade = 75}, {}},
      {"ungraded module, no final grade",
       {90, no_grade},
       {present, present, present, present},
       {.missing_grade = MissingGrade::left_out, .minimum_final_grade = 95},
       {module_ungraded, final_grade}},
      {"every reason at once",
       {40, 50},
       {present, absent, absent, absent},
       {.module_attendance_threshold = 50, .minimum_final_grade = 60},
       {attendance, module_attendance, module_failed, module_failed, final_grade}},
  };
  for (const auto& c : cases) EXPECT_EQ(kinds(input_with(c.scores, c.attendance, c.policy)), c.expected) << c.name;
}

TEST(Eligibility, AGapNamesTheValueReachedAndTheThreshold) {
  const auto input = input_with({90, 80}, {present, absent, present, present}, {.attendance_threshold = 75, .module_attendance_threshold = 60});
  const auto gaps = requirement_gaps(input, compute_progress(input, 0), EnrollmentState::active, ProjectGrading::not_graded, false);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].module, 0u);
  EXPECT_EQ(gaps[0].value, 50.0);
  EXPECT_EQ(gaps[0].required, 60.0);
}

TEST(Eligibility, TheProjectCountsOnlyWhereProjectsAreGradedAndRequired) {
  const auto input = input_with({90, 80}, {present, present, present, present});
  EXPECT_EQ(kinds(input, EnrollmentState::active, ProjectGrading::graded, false), std::vector{Shortfall::project_missing});
  EXPECT_TRUE(kinds(input, EnrollmentState::active, ProjectGrading::graded, true).empty());
  EXPECT_TRUE(kinds(input, EnrollmentState::active, ProjectGrading::not_graded, false).empty());
  auto not_required = input;
  not_required.policy.require_project = false;
  EXPECT_TRUE(kinds(not_required, EnrollmentState::active, ProjectGrading::graded, false).empty());
  EXPECT_EQ(kinds(input, EnrollmentState::withdrawn, ProjectGrading::graded, true), std::vector{Shortfall::withdrawn});
}

TEST(Eligibility, ThePolicyChecksItsNewPercentages) {
  GradingPolicy policy{.module_attendance_threshold = 101, .minimum_final_grade = -1};
  const auto errors = check_grading_policy(policy);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "module_attendance_threshold");
  EXPECT_EQ(errors[1].field, "minimum_final_grade");
}

TEST(Graduation, OutcomeOfEveryStatusEligibilityAndOverride) {
  using S = EnrollmentStatus;
  using O = GraduationOutcome;
  const std::optional<GraduationOverride> no_override, graduate_anyway = GraduationOverride::graduate, withhold = GraduationOverride::withhold;
  const struct {
    EnrollmentStatus status;
    bool eligible;
    std::optional<GraduationOverride> decision;
    GraduationOutcome expected;
  } cases[] = {
      {S::enrolled, true, no_override, O::graduate},         {S::enrolled, false, no_override, O::not_eligible},
      {S::completed, true, no_override, O::graduate},        {S::enrolled, false, graduate_anyway, O::graduate},
      {S::enrolled, true, withhold, O::withheld},            {S::enrolled, false, withhold, O::not_eligible},
      {S::withdrawn, true, no_override, O::withdrawn},       {S::withdrawn, false, graduate_anyway, O::withdrawn},
      {S::graduated, true, no_override, O::graduated},       {S::graduated, false, withhold, O::graduated},
  };
  for (const auto& c : cases)
    EXPECT_EQ(graduation_outcome(c.status, c.eligible, c.decision), c.expected) << to_string(c.status) << ' ' << c.eligible;
}

TEST(Graduation, AnOverrideNeedsAJustificationAndALivingEnrolment) {
  const std::string justification = "Asistió a la sesión de recuperación";
  EXPECT_TRUE(check_override(EnrollmentStatus::enrolled, GraduationOverride::graduate, justification));
  EXPECT_TRUE(check_override(EnrollmentStatus::withdrawn, GraduationOverride::withhold, justification));
  // A refusal names its reason; a field's, in the field's detail.
  const auto code = [](const Result<void>& result) {
    if (result) return std::string("ok");
    return result.error().details.empty() ? result.error().message_key : result.error().details[0].message_key;
  };
  EXPECT_EQ(code(check_override(EnrollmentStatus::withdrawn, GraduationOverride::graduate, justification)), "error.graduation.withdrawn");
  EXPECT_EQ(code(check_override(EnrollmentStatus::graduated, GraduationOverride::withhold, justification)), "error.graduation.already_graduated");
  EXPECT_EQ(code(check_override(EnrollmentStatus::enrolled, GraduationOverride::graduate, "   ok      ")), "error.graduation.justification");
  EXPECT_EQ(code(check_override(EnrollmentStatus::enrolled, GraduationOverride::graduate, std::string(2001, 'x'))), "error.field.too_long");
  EXPECT_EQ(parse_graduation_override("graduate"), GraduationOverride::graduate);
  EXPECT_EQ(parse_graduation_override("Graduate"), std::nullopt);
}

TEST(Graduation, WhatIfTermsReplaceThePolicysThresholds) {
  WhatIf what_if;
  EXPECT_TRUE(what_if.empty());
  ASSERT_TRUE(add_what_if_term(what_if, "attendance=75"));
  ASSERT_TRUE(add_what_if_term(what_if, " final_grade = 60.5 "));
  EXPECT_FALSE(what_if.empty());
  const auto policy = apply(GradingPolicy{}, what_if);
  EXPECT_EQ(policy.attendance_threshold, 75);
  EXPECT_EQ(policy.minimum_final_grade, 60.5);
  EXPECT_EQ(policy.module_pass_mark, 70);  // untouched
  for (const char* bad : {"attendance", "attendance=", "attendance=abc", "attendance=101", "attendance=-1", "colour=5", "attendance=75%", "=75"}) {
    const auto result = add_what_if_term(what_if, bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().details.at(0).field, "what_if");
    EXPECT_EQ(result.error().details.at(0).value, bad);
  }
}

TEST(Graduation, AWhatIfThresholdChangesWhoIsEligible) {
  // 75 % attendance: short at 80, eligible at 75.
  const auto input = input_with({90, 80}, {present, present, present, absent});
  EXPECT_EQ(kinds(input), std::vector{Shortfall::attendance});
  WhatIf lower;
  ASSERT_TRUE(add_what_if_term(lower, "attendance=75"));
  auto changed = input;
  changed.policy = apply(input.policy, lower);
  EXPECT_TRUE(kinds(changed).empty());
}

}  // namespace
}  // namespace diplomado
