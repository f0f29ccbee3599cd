#include "domain/gradebook.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <numeric>

namespace diplomado {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_by_name(std::string_view text, const std::array<Enum, N>& values) {
  for (auto value : values)
    if (to_string(value) == text) return value;
  return std::nullopt;
}

bool counts_toward(MissingGrade policy, bool graded) { return graded || policy == MissingGrade::counts_as_zero; }

}  // namespace

std::string_view to_string(MissingGrade policy) { return policy == MissingGrade::counts_as_zero ? "counts_as_zero" : "left_out"; }
std::optional<MissingGrade> parse_missing_grade(std::string_view text) {
  return parse_by_name(text, std::array{MissingGrade::counts_as_zero, MissingGrade::left_out});
}

std::string_view to_string(ExcusedAbsence policy) {
  switch (policy) {
    case ExcusedAbsence::counts_as_present: return "counts_as_present";
    case ExcusedAbsence::left_out: return "left_out";
    case ExcusedAbsence::counts_as_absent: return "counts_as_absent";
  }
  return "left_out";
}
std::optional<ExcusedAbsence> parse_excused_absence(std::string_view text) {
  return parse_by_name(text, std::array{ExcusedAbsence::counts_as_present, ExcusedAbsence::left_out, ExcusedAbsence::counts_as_absent});
}

std::string_view to_string(AssessmentKind kind) {
  switch (kind) {
    case AssessmentKind::quiz: return "quiz";
    case AssessmentKind::assignment: return "assignment";
    case AssessmentKind::exam: return "exam";
    case AssessmentKind::participation: return "participation";
    case AssessmentKind::project: return "project";
    case AssessmentKind::pretest: return "pretest";
    case AssessmentKind::posttest: return "posttest";
  }
  return "quiz";
}
std::optional<AssessmentKind> parse_assessment_kind(std::string_view text) {
  return parse_by_name(text, std::array{AssessmentKind::quiz, AssessmentKind::assignment, AssessmentKind::exam, AssessmentKind::participation,
                                        AssessmentKind::project, AssessmentKind::pretest, AssessmentKind::posttest});
}

std::string_view to_string(Attendance attendance) {
  switch (attendance) {
    case Attendance::unrecorded: return "unrecorded";
    case Attendance::present: return "present";
    case Attendance::late: return "late";
    case Attendance::excused: return "excused";
    case Attendance::absent: return "absent";
  }
  return "unrecorded";
}
std::optional<Attendance> parse_attendance(std::string_view text) {
  return parse_by_name(text, std::array{Attendance::present, Attendance::late, Attendance::excused, Attendance::absent});
}

std::vector<FieldError> check_grading_policy(const GradingPolicy& policy) {
  std::vector<FieldError> errors;
  if (!(policy.module_pass_mark >= 0 && policy.module_pass_mark <= 100))
    errors.push_back({"module_pass_mark", std::nullopt, "out_of_range", "error.grading.percentage", std::to_string(policy.module_pass_mark)});
  if (!(policy.attendance_threshold >= 0 && policy.attendance_threshold <= 100))
    errors.push_back({"attendance_threshold", std::nullopt, "out_of_range", "error.grading.percentage", std::to_string(policy.attendance_threshold)});
  const auto percentage = [&](const char* field, const std::optional<double>& value) {
    if (value && !(*value >= 0 && *value <= 100))
      errors.push_back({field, std::nullopt, "out_of_range", "error.grading.percentage", std::to_string(*value)});
  };
  percentage("module_attendance_threshold", policy.module_attendance_threshold);
  percentage("minimum_final_grade", policy.minimum_final_grade);
  if (policy.rounding_decimals < 0 || policy.rounding_decimals > 3)
    errors.push_back({"rounding_decimals", std::nullopt, "out_of_range", "error.grading.rounding", std::to_string(policy.rounding_decimals)});
  return errors;
}

std::vector<FieldError> check_structure(const std::vector<GradedModule>& modules, const std::vector<GradedAssessment>& assessments) {
  std::vector<FieldError> errors;
  double module_weights = 0;
  for (std::size_t m = 0; m < modules.size(); ++m) {
    if (!(modules[m].weight >= 0) || !std::isfinite(modules[m].weight))
      errors.push_back({"module.weight", static_cast<long>(m + 1), "negative_weight", "error.grading.negative_weight", std::to_string(modules[m].weight)});
    else module_weights += modules[m].weight;
  }
  if (!modules.empty() && module_weights <= 0)
    errors.push_back({"module.weight", std::nullopt, "zero_total_weight", "error.grading.module_weights_sum", "0"});
  std::vector<double> assessment_weights(modules.size(), 0);
  std::vector<bool> has_assessment(modules.size(), false);
  for (std::size_t a = 0; a < assessments.size(); ++a) {
    const auto& assessment = assessments[a];
    const long row = static_cast<long>(a + 1);
    if (!(assessment.max_score > 0) || !std::isfinite(assessment.max_score))
      errors.push_back({"max_score", row, "not_positive", "error.grading.max_score", std::to_string(assessment.max_score)});
    if (!(assessment.weight >= 0) || !std::isfinite(assessment.weight))
      errors.push_back({"weight", row, "negative_weight", "error.grading.negative_weight", std::to_string(assessment.weight)});
    const bool test = assessment.kind == AssessmentKind::pretest || assessment.kind == AssessmentKind::posttest;
    if (test && assessment.module) errors.push_back({"module", row, "test_in_module", "error.grading.test_in_module", {}});
    if (!test && !assessment.module) errors.push_back({"module", row, "module_required", "error.grading.module_required", {}});
    if (assessment.module && *assessment.module < modules.size()) {
      has_assessment[*assessment.module] = true;
      if (assessment.weight > 0) assessment_weights[*assessment.module] += assessment.weight;
    }
  }
  for (std::size_t m = 0; m < modules.size(); ++m)
    if (has_assessment[m] && assessment_weights[m] <= 0)
      errors.push_back({"weight", static_cast<long>(m + 1), "zero_module_weight", "error.grading.assessment_weights_sum", "0"});
  return errors;
}

std::optional<FieldError> check_score(double score, double max_score) {
  if (!std::isfinite(score)) return FieldError{"score", std::nullopt, "not_a_number", "error.grading.not_a_number", {}};
  if (score < 0) return FieldError{"score", std::nullopt, "negative", "error.grading.negative_score", std::to_string(score)};
  if (score > max_score) return FieldError{"score", std::nullopt, "above_maximum", "error.grading.above_maximum", std::to_string(score)};
  return std::nullopt;
}

std::optional<double> parse_score(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::string normalised;
  int separators = 0;
  for (char c : text) {
    if (c == ',' || c == '.') {
      ++separators;
      normalised.push_back('.');
    } else if (c >= '0' && c <= '9') {
      normalised.push_back(c);
    } else {
      return std::nullopt;
    }
  }
  if (separators > 1 || normalised.front() == '.' || normalised.back() == '.') return std::nullopt;
  return std::strtod(normalised.c_str(), nullptr);
}

double round_half_away(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // A small nudge so that 84.45 stored as 84.4499999… still rounds as written.
  return std::round(value * scale + (value >= 0 ? 1e-9 : -1e-9)) / scale;
}

EnrollmentProgress compute_progress(const GradebookInput& input, std::size_t enrollment) {
  const auto module_count = input.modules.size();
  const auto assessment_count = input.assessments.size();
  const auto session_count = input.session_modules.size();
  const auto& policy = input.policy;
  EnrollmentProgress progress;
  progress.module_grades.assign(module_count, std::nullopt);
  progress.module_passed.assign(module_count, false);
  progress.module_attendance.assign(module_count, std::nullopt);

  // Grades: a weighted mean of percentages per module. Small fixed arrays would do for the
  // usual six modules; vectors keep any number.
  std::vector<double> weighted(module_count, 0), weights(module_count, 0);
  std::vector<bool> assessed(module_count, false);
  const float* scores = input.scores.data() + enrollment * assessment_count;
  for (std::size_t a = 0; a < assessment_count; ++a) {
    const auto& assessment = input.assessments[a];
    const float score = scores[a];
    const bool graded = !std::isnan(score);
    if (!assessment.module) {
      if (graded && assessment.kind == AssessmentKind::pretest && !progress.pretest) progress.pretest = score / assessment.max_score * 100;
      if (graded && assessment.kind == AssessmentKind::posttest && !progress.posttest) progress.posttest = score / assessment.max_score * 100;
      continue;
    }
    const auto m = *assessment.module;
    assessed[m] = true;
    if (!counts_toward(policy.missing_grade, graded)) continue;
    weights[m] += assessment.weight;
    if (graded) weighted[m] += assessment.weight * (score / assessment.max_score * 100);
  }

  double final_weighted = 0, final_weights = 0;
  for (std::size_t m = 0; m < module_count; ++m) {
    if (assessed[m] && weights[m] > 0) {
      const double grade = round_half_away(weighted[m] / weights[m], policy.rounding_decimals);
      progress.module_grades[m] = grade;
      progress.module_passed[m] = grade >= input.modules[m].pass_mark.value_or(policy.module_pass_mark);
      if (progress.module_passed[m]) ++progress.modules_passed;
    }
    // The final grade is the weighted mean of module grades by module weight.
    if (progress.module_grades[m] || policy.missing_grade == MissingGrade::counts_as_zero) {
      final_weighted += input.modules[m].weight * progress.module_grades[m].value_or(0);
      final_weights += input.modules[m].weight;
    }
  }
  if (final_weights > 0) progress.final_grade = round_half_away(final_weighted / final_weights, policy.rounding_decimals);

  // Attendance: late is present; an excused absence counts as the policy says.
  std::vector<int> attended(module_count, 0), counted(module_count, 0);
  const Attendance* marks = input.attendance.data() + enrollment * session_count;
  for (std::size_t s = 0; s < session_count; ++s) {
    const auto m = input.session_modules[s];
    switch (marks[s]) {
      case Attendance::unrecorded: break;
      case Attendance::present:
      case Attendance::late: ++attended[m], ++counted[m]; break;
      case Attendance::absent: ++counted[m]; break;
      case Attendance::excused:
        if (policy.excused == ExcusedAbsence::counts_as_present) ++attended[m], ++counted[m];
        else if (policy.excused == ExcusedAbsence::counts_as_absent) ++counted[m];
        break;
    }
  }
  int all_attended = 0, all_counted = 0;
  for (std::size_t m = 0; m < module_count; ++m) {
    if (counted[m] > 0) progress.module_attendance[m] = round_half_away(100.0 * attended[m] / counted[m], policy.rounding_decimals);
    all_attended += attended[m];
    all_counted += counted[m];
  }
  if (all_counted > 0) progress.attendance = round_half_away(100.0 * all_attended / all_counted, policy.rounding_decimals);
  progress.meets_attendance = progress.attendance ? *progress.attendance >= policy.attendance_threshold : session_count == 0;
  return progress;
}

std::string_view to_string(Shortfall shortfall) {
  switch (shortfall) {
    case Shortfall::withdrawn: return "withdrawn";
    case Shortfall::attendance: return "attendance";
    case Shortfall::module_attendance: return "module_attendance";
    case Shortfall::module_failed: return "module_failed";
    case Shortfall::module_ungraded: return "module_ungraded";
    case Shortfall::final_grade: return "final_grade";
    case Shortfall::project_missing: return "project_missing";
  }
  return "withdrawn";
}

std::vector<RequirementGap> requirement_gaps(const GradebookInput& input, const EnrollmentProgress& progress, EnrollmentState state,
                                             ProjectGrading grading, bool project_submitted) {
  const auto& policy = input.policy;
  std::vector<RequirementGap> gaps;
  if (state == EnrollmentState::withdrawn) gaps.push_back({Shortfall::withdrawn, std::nullopt, std::nullopt, std::nullopt});
  if (!progress.meets_attendance) gaps.push_back({Shortfall::attendance, std::nullopt, progress.attendance, policy.attendance_threshold});
  // A module without recorded sessions has no rate to fall short of.
  if (policy.module_attendance_threshold)
    for (std::size_t m = 0; m < progress.module_attendance.size(); ++m)
      if (const auto& rate = progress.module_attendance[m]; rate && *rate < *policy.module_attendance_threshold)
        gaps.push_back({Shortfall::module_attendance, m, rate, policy.module_attendance_threshold});
  if (policy.require_all_modules)
    for (std::size_t m = 0; m < input.modules.size() && m < progress.module_passed.size(); ++m) {
      if (progress.module_passed[m]) continue;
      const double pass_mark = input.modules[m].pass_mark.value_or(policy.module_pass_mark);
      const auto& grade = progress.module_grades[m];
      gaps.push_back({grade ? Shortfall::module_failed : Shortfall::module_ungraded, m, grade, pass_mark});
    }
  if (policy.minimum_final_grade && !(progress.final_grade && *progress.final_grade >= *policy.minimum_final_grade))
    gaps.push_back({Shortfall::final_grade, std::nullopt, progress.final_grade, policy.minimum_final_grade});
  if (policy.require_project && grading == ProjectGrading::graded && !project_submitted)
    gaps.push_back({Shortfall::project_missing, std::nullopt, std::nullopt, std::nullopt});
  return gaps;
}

void compute_gradebook(const GradebookInput& input, std::vector<EnrollmentProgress>& out) {
  out.resize(input.enrollments);
  for (std::size_t e = 0; e < input.enrollments; ++e) out[e] = compute_progress(input, e);
}

ParticipantGain participant_gain(double pre, double post) {
  ParticipantGain gain{pre, post, post - pre, std::nullopt};
  if (pre < 100) gain.normalised_gain = (post - pre) / (100 - pre);
  return gain;
}

SignedRankTest wilcoxon_signed_rank(const std::vector<double>& differences) {
  std::vector<double> nonzero;
  for (double d : differences)
    if (d != 0 && std::isfinite(d)) nonzero.push_back(d);
  SignedRankTest test;
  test.n = nonzero.size();
  if (test.n == 0) return test;
  std::ranges::sort(nonzero, {}, [](double d) { return std::fabs(d); });
  // Average ranks for ties in |d|.
  std::vector<double> ranks(test.n);
  double tie_correction = 0;
  bool ties = false;
  for (std::size_t i = 0; i < test.n;) {
    std::size_t j = i;
    while (j + 1 < test.n && std::fabs(nonzero[j + 1]) == std::fabs(nonzero[i])) ++j;
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2;
    for (std::size_t k = i; k <= j; ++k) ranks[k] = rank;
    const double t = static_cast<double>(j - i + 1);
    if (t > 1) ties = true;
    tie_correction += t * t * t - t;
    i = j + 1;
  }
  for (std::size_t i = 0; i < test.n; ++i)
    if (nonzero[i] > 0) test.w_plus += ranks[i];

  const double n = static_cast<double>(test.n);
  const double mean = n * (n + 1) / 4;
  const double variance = n * (n + 1) * (2 * n + 1) / 24 - tie_correction / 48;
  const double deviation = test.w_plus - mean;
  const double corrected = deviation == 0 ? 0 : deviation - (deviation > 0 ? 0.5 : -0.5);
  test.z = variance > 0 ? corrected / std::sqrt(variance) : 0;
  test.p_value = std::min(1.0, std::erfc(std::fabs(test.z) / std::sqrt(2.0)));

  if (test.n <= 25 && !ties) {
    // Exact: how many of the 2^n sign patterns give each rank sum.
    const auto max_sum = test.n * (test.n + 1) / 2;
    std::vector<double> ways(max_sum + 1, 0);
    ways[0] = 1;
    for (std::size_t rank = 1; rank <= test.n; ++rank)
      for (std::size_t sum = max_sum; sum >= rank; --sum) ways[sum] += ways[sum - rank];
    const double total = std::pow(2.0, n);
    const auto w = static_cast<std::size_t>(std::lround(test.w_plus));
    double at_most = 0, at_least = 0;
    for (std::size_t sum = 0; sum <= max_sum; ++sum) {
      if (sum <= w) at_most += ways[sum];
      if (sum >= w) at_least += ways[sum];
    }
    test.p_value = std::min(1.0, 2 * std::min(at_most, at_least) / total);
    test.exact = true;
  }
  return test;
}

KnowledgeGain knowledge_gain(const std::vector<std::pair<double, double>>& pre_post, double pass_mark) {
  KnowledgeGain result;
  result.pairs = pre_post.size();
  if (pre_post.empty()) return result;
  std::vector<double> differences;
  double normalised_sum = 0;
  std::size_t normalised_count = 0, improved = 0, passed = 0;
  for (const auto& [pre, post] : pre_post) {
    const auto gain = participant_gain(pre, post);
    result.mean_pre += pre;
    result.mean_post += post;
    differences.push_back(gain.gain);
    if (gain.normalised_gain) normalised_sum += *gain.normalised_gain, ++normalised_count;
    if (post > pre) ++improved;
    if (post >= pass_mark) ++passed;
  }
  const double n = static_cast<double>(result.pairs);
  result.mean_pre /= n;
  result.mean_post /= n;
  result.mean_gain = result.mean_post - result.mean_pre;
  if (normalised_count) result.mean_normalised_gain = normalised_sum / static_cast<double>(normalised_count);
  result.share_improved = static_cast<double>(improved) / n;
  result.share_post_pass = static_cast<double>(passed) / n;
  result.wilcoxon = wilcoxon_signed_rank(differences);
  return result;
}

}  // namespace diplomado
