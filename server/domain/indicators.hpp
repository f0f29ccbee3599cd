#pragma once
// The closing indicators of a programme (issue 14): counts disaggregated by sex, institution,
// level and subdivision, cross-tabulations, attendance, the knowledge gain, satisfaction and the
// projects' coverage of the GCM's objectives. Everything is computed from the enrolments on file;
// nothing is typed in. Counts shared outside the programme (the donor, exports for sharing) go
// through small-cell suppression first (suppress_small_cells).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/enrollment.hpp"
#include "domain/gradebook.hpp"
#include "domain/programme.hpp"

namespace diplomado {

// A row or column of a count table: a stable key ("female", "PA-5", an institution's id) and its
// label in both languages.
struct Category {
  std::string key;
  LocalizedText label;
};

// Why a count is not shown: it is under the threshold (shown as "<5"), or it was hidden so that
// no total lets a hidden count be worked out.
enum class Suppression { none, small, complementary };
std::string_view to_string(Suppression suppression);

struct Count {
  std::int64_t value = 0;
  Suppression suppression = Suppression::none;
  bool shown() const { return suppression == Suppression::none; }
};

// Counts of rows x columns with their margins. A breakdown (one dimension against the statuses)
// has a total per column only: its columns are not parts of a whole. A cross-tabulation has both.
struct CountTable {
  std::string key;               // "by_sex", "graduated_sex_by_level", ...
  LocalizedText title;           // set where the key does not name it (a survey question)
  std::string row_dimension;     // sex | institution | level | subdivision | gain_band | response
  std::string column_dimension;  // status | sex | count
  std::vector<Category> rows;
  std::vector<Category> columns;
  std::vector<std::vector<Count>> cells;  // rows x columns
  bool row_totals = false;                // each row's sum is published (the last column)
  bool column_totals = true;              // each column's sum is published (the last row)
  std::vector<Count> row_total;           // per row, when row_totals
  std::vector<Count> column_total;        // per column, when column_totals
  std::optional<Count> grand_total;       // when both
};

// Fills the margins from the cells.
void compute_totals(CountTable& table);

// Small-cell suppression. Every published count from 1 to threshold - 1 is hidden as "small"
// (zeros are shown: an empty cell tells nothing about a person). Then, while any line of the table
// that adds up to a published total (a row with its row total, a column with its column total,
// the margins with the grand total) has exactly one hidden count, which the others would give
// away by subtraction, the smallest shown count of that line is hidden too, as "complementary"
// (an inner cell before a total, a non-zero before a zero). The loop only hides, so it ends.
// Not a full audit across linked tables: each table is protected on its own lines, and tables
// that share margins apply the same rule to the same margin values.
void suppress_small_cells(CountTable& table, std::int64_t threshold);

// One enrolment as the indicators read it: no name, no e-mail, no grade beyond what is aggregated.
struct IndicatorEnrollment {
  Category sex;
  Category level;
  Category institution;
  Category subdivision;
  EnrollmentStatus status = EnrollmentStatus::enrolled;
  std::optional<double> attendance;                      // percent
  std::vector<std::optional<double>> module_attendance;  // percent, per module
  std::optional<double> pretest;                         // percent
  std::optional<double> posttest;
};

struct IndicatorProject {
  std::string title;
  std::string team;
  Category subdivision;  // the team's place
  std::vector<int> gcm_objectives;
};

// One Likert question's answers: how many chose each point of its scale.
struct LikertResult {
  LocalizedText question;
  int scale_min = 1;
  int scale_max = 5;
  std::vector<std::int64_t> counts;  // per point, scale_min first
};

struct IndicatorInput {
  std::vector<IndicatorEnrollment> enrollments;
  std::vector<LocalizedText> modules;
  std::vector<IndicatorProject> projects;
  std::vector<LikertResult> likert;
  std::int64_t survey_respondents = 0;
  double attendance_threshold = 80;
  double pass_mark = 70;  // of the post-test, for the share at the pass mark
};

struct AttendanceIndicators {
  std::int64_t n = 0;                               // active enrolments with a rate
  std::optional<double> mean;                       // percent
  std::optional<double> share_meeting_threshold;    // of n
  std::vector<std::optional<double>> module_means;  // per module
};

struct GainIndicators {
  KnowledgeGain aggregate;
  CountTable distribution;  // enrolments per band of gain (percentage points)
};

struct LikertIndicator {
  LocalizedText question;
  std::int64_t n = 0;
  std::optional<double> mean;
  CountTable answers;  // one row per point of the scale
};

struct GcmCoverage {
  std::vector<int> objectives;              // every objective at least one project is aligned with, in order
  std::vector<IndicatorProject> projects;
  std::vector<std::vector<bool>> aligned;   // projects x objectives
  std::vector<std::int64_t> per_objective;  // projects aligned with each objective
};

struct Indicators {
  Count enrolled;   // every enrolment
  Count withdrawn;
  Count completed;  // completed the course (completed or graduated)
  Count graduated;
  std::vector<CountTable> breakdowns;  // by sex, institution, level, subdivision: statuses in columns
  std::vector<CountTable> cross_tabs;  // enrolled and graduated: institution, level, subdivision x sex
  AttendanceIndicators attendance;
  std::optional<GainIndicators> gain;  // empty without a pre/post pair
  std::int64_t survey_respondents = 0;
  std::vector<LikertIndicator> satisfaction;
  GcmCoverage gcm;
  std::int64_t small_cell_threshold = 0;  // 0: not suppressed
};

Indicators compute_indicators(const IndicatorInput& input);

// What is shared outside the programme: every count table suppressed at `threshold`, and the
// headline counts under it hidden as well.
void protect_for_sharing(Indicators& indicators, std::int64_t threshold);

}  // namespace diplomado
