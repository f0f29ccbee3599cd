#pragma once
// The gradebook (issue 3): module grades, pass/fail, the final grade, attendance rates and
// progress, derived from grades and attendance by pure functions, never stored by hand. The
// data is laid out densely (one row per enrolment, one column per assessment or session), so a
// whole programme of 100,000 enrolments recomputes in one pass.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/permission.hpp"

namespace diplomado {

enum class MissingGrade { counts_as_zero, left_out };
enum class ExcusedAbsence { counts_as_present, left_out, counts_as_absent };

// The programme's grading policy. Grades are percentages (score / maximum × 100).
struct GradingPolicy {
  double module_pass_mark = 70;       // a module's own pass mark, when it has one, takes precedence
  MissingGrade missing_grade = MissingGrade::counts_as_zero;
  int rounding_decimals = 1;          // module and final grades, rounded half away from zero
  double attendance_threshold = 80;   // percent of sessions, overall, needed to graduate
  ExcusedAbsence excused = ExcusedAbsence::left_out;
  // The rest of the graduation requirements (issue 13), each the programme's choice: a minimum
  // attendance in every module, a minimum final grade, every module passed, and the team's final
  // project submitted (this last only where the programme grades projects: it has a rubric).
  std::optional<double> module_attendance_threshold = std::nullopt;
  std::optional<double> minimum_final_grade = std::nullopt;
  bool require_all_modules = true;
  bool require_project = true;
};

std::string_view to_string(MissingGrade policy);
std::optional<MissingGrade> parse_missing_grade(std::string_view text);
std::string_view to_string(ExcusedAbsence policy);
std::optional<ExcusedAbsence> parse_excused_absence(std::string_view text);

// Rules a policy must meet; each error names the field.
std::vector<FieldError> check_grading_policy(const GradingPolicy& policy);

enum class AssessmentKind { quiz, assignment, exam, participation, project, pretest, posttest };
std::string_view to_string(AssessmentKind kind);
std::optional<AssessmentKind> parse_assessment_kind(std::string_view text);

struct GradedModule {
  double weight = 1;
  std::optional<double> pass_mark;  // empty: the policy's
};

struct GradedAssessment {
  std::optional<std::size_t> module;  // index into the modules; empty for pretest / posttest
  AssessmentKind kind = AssessmentKind::quiz;
  double max_score = 100;
  double weight = 1;
};

// Module weights must be non-negative with a positive sum; assessments of a module likewise;
// scores from 0 to max. Each error names the rule it breaks.
std::vector<FieldError> check_structure(const std::vector<GradedModule>& modules, const std::vector<GradedAssessment>& assessments);
std::optional<FieldError> check_score(double score, double max_score);
// A score as typed: "8.5", or "8,5" with the decimal comma of Spanish. Nothing else.
std::optional<double> parse_score(std::string_view text);

enum class Attendance : std::uint8_t { unrecorded, present, late, excused, absent };
std::string_view to_string(Attendance attendance);
std::optional<Attendance> parse_attendance(std::string_view text);

// Everything the computation reads, dense: scores[e * assessments + a] (NaN = no grade) and
// attendance[e * sessions + s].
struct GradebookInput {
  GradingPolicy policy;
  std::vector<GradedModule> modules;
  std::vector<GradedAssessment> assessments;
  std::vector<std::size_t> session_modules;  // the module of each session
  std::size_t enrollments = 0;
  std::vector<float> scores;
  std::vector<Attendance> attendance;
};

struct EnrollmentProgress {
  std::vector<std::optional<double>> module_grades;  // empty when nothing counts yet
  std::vector<bool> module_passed;
  std::optional<double> final_grade;
  std::vector<std::optional<double>> module_attendance;  // percent; empty without sessions
  std::optional<double> attendance;
  int modules_passed = 0;
  std::optional<double> pretest;   // percent
  std::optional<double> posttest;
  bool meets_attendance = false;
};

// One enrolment's row of the gradebook.
EnrollmentProgress compute_progress(const GradebookInput& input, std::size_t enrollment);

// The whole gradebook, row by row, written into `out` (resized to input.enrollments).
void compute_gradebook(const GradebookInput& input, std::vector<EnrollmentProgress>& out);

double round_half_away(double value, int decimals);

// Why an enrolment does not meet the requirements: every reason, not only the first, so a
// coordinator can tell an official what is missing. Texts are made at the edges (es/en).
enum class Shortfall { withdrawn, attendance, module_attendance, module_failed, module_ungraded, final_grade, project_missing };
std::string_view to_string(Shortfall shortfall);

struct RequirementGap {
  Shortfall kind = Shortfall::withdrawn;
  std::optional<std::size_t> module;  // index into the modules, for module_attendance / module_failed / module_ungraded
  std::optional<double> value;        // the attendance or grade reached, when there is one
  std::optional<double> required;     // the threshold or pass mark
};

// The gaps of one enrolment against the policy's requirements; empty exactly when it meets them.
// `grades_projects`: the programme has a rubric, so a project can be asked for.
enum class EnrollmentState { active, withdrawn };
enum class ProjectGrading { graded, not_graded };
std::vector<RequirementGap> requirement_gaps(const GradebookInput& input, const EnrollmentProgress& progress, EnrollmentState state,
                                             ProjectGrading grading, bool project_submitted);

// Knowledge gain (issue 3, item 6): the pre-test against the post-test.
struct ParticipantGain {
  double pre = 0;
  double post = 0;
  double gain = 0;
  std::optional<double> normalised_gain;  // (post - pre) / (100 - pre); empty when pre is 100
};

struct SignedRankTest {
  std::size_t n = 0;          // pairs with a non-zero difference
  double w_plus = 0;          // sum of the ranks of the positive differences
  double z = 0;               // normal approximation, with continuity and tie corrections
  double p_value = 1;         // two-sided; exact when n <= 25 and there are no ties
  bool exact = false;
};

struct KnowledgeGain {
  std::size_t pairs = 0;  // enrolments with both a pre and a post score
  double mean_pre = 0;
  double mean_post = 0;
  double mean_gain = 0;
  std::optional<double> mean_normalised_gain;
  double share_improved = 0;            // of the pairs
  double share_post_pass = 0;           // of the pairs, post-test at or above the pass mark
  SignedRankTest wilcoxon;
};

ParticipantGain participant_gain(double pre, double post);
SignedRankTest wilcoxon_signed_rank(const std::vector<double>& differences);
KnowledgeGain knowledge_gain(const std::vector<std::pair<double, double>>& pre_post, double pass_mark);

}  // namespace diplomado
