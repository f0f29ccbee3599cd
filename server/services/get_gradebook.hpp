#pragma once
// The gradebook and the knowledge gain of a programme (issue 3), computed on every read from the
// grades and attendance on file: nothing derived is stored, so nothing can be stale.
#include <optional>
#include <vector>

#include "domain/graduation.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// What adapters see of the rows storage returns, named through services (DESIGN.md §3).

struct GradebookRow {
  GradebookEnrollment enrollment;
  EnrollmentProgress progress;
  // Every module passed and the attendance threshold met, while enrolled, and, when the
  // programme grades final projects (it has a rubric), the team's project submitted.
  bool meets_requirements = false;
  bool project_submitted = false;
  std::vector<RequirementGap> gaps;  // every reason the requirements are not met; empty when they are
};

struct GradebookAssessment {
  Id id = 0;
  std::string code;
  GradedAssessment rules;
};

struct Gradebook {
  std::string programme_code;  // the programme's code: "programme" in every export and answer
  GradingPolicy policy;
  std::vector<LocalizedText> modules;
  std::vector<GradebookAssessment> assessments;
  std::vector<Id> session_ids;
  std::vector<std::size_t> session_modules;
  std::vector<GradebookRow> rows;
};

// actor: empty for the CLI. Grades are personal data: coordinators and instructors read them.
Result<Gradebook> get_gradebook(storage::Store& store, const std::optional<Actor>& actor, Id programme_id);
// The same, inside a unit of work the caller opened and whose permission it checked; `what_if`
// replaces thresholds of the programme's policy (the graduation's what-if view).
Result<Gradebook> read_gradebook(storage::UnitOfWork& unit, Id programme_id, const WhatIf& what_if = {});

// Each enrolment's progress only (no requirement reasons): what aggregates read, in the caller's
// unit of work. `enrollment_ids[i]` is the enrolment of `progress[i]`.
struct ProgrammeProgress {
  GradingPolicy policy;
  std::vector<LocalizedText> modules;
  std::vector<Id> enrollment_ids;
  std::vector<EnrollmentProgress> progress;
};
Result<ProgrammeProgress> read_progress(storage::UnitOfWork& unit, Id programme_id);

// What the gradebook screen shows, for its export: the rows of one team, institution, status or
// requirements outcome, in one order. Empty filters keep every row.
enum class GradebookSort { name, team, institution, final_grade, attendance };
struct GradebookSelection {
  std::optional<std::string> team;
  std::optional<std::string> institution;
  std::optional<EnrollmentStatus> status;
  std::optional<bool> meets_requirements;
  GradebookSort sort = GradebookSort::name;
  bool descending = false;
};
std::optional<GradebookSort> parse_gradebook_sort(std::string_view text);
// Keeps the selected rows in the selected order (names as storage sorts them, accents and case
// aside); a missing grade or rate sorts last either way.
void select_rows(std::vector<GradebookRow>& rows, const GradebookSelection& selection);

struct ParticipantGainRow {
  GradebookEnrollment enrollment;
  ParticipantGain gain;
};

struct KnowledgeGainReport {
  std::string programme_code;
  double pass_mark = 0;
  KnowledgeGain aggregate;
  std::vector<ParticipantGainRow> participants;  // empty for observers: they read aggregates only
};

// Enrolments still active with both a pre- and a post-test score.
Result<KnowledgeGainReport> get_knowledge_gain(storage::Store& store, const std::optional<Actor>& actor, Id programme_id);

// One module's grade grid (participants x the module's assessments), with each grade's version
// for If-Match, and the module grade the gradebook computes for each row.
struct GradeCell {
  std::optional<double> score;
  std::optional<std::int64_t> version;
};
struct GradeGridRow {
  GradebookEnrollment enrollment;
  std::vector<GradeCell> cells;
  std::optional<double> module_grade;
  bool passed = false;
};
struct GradeGrid {
  int module = 0;  // position from 1
  LocalizedText title;
  std::vector<GradebookAssessment> assessments;
  std::vector<GradeGridRow> rows;
};
Result<GradeGrid> get_grade_grid(storage::Store& store, const Actor& actor, Id programme_id, int module_position);

struct SessionAttendance {
  SessionRecord session;
  int module = 0;  // position from 1
  // Active enrolments with their mark (unrecorded until taken).
  std::vector<std::pair<GradebookEnrollment, Attendance>> marks;
};
Result<std::vector<SessionRecord>> list_sessions(storage::Store& store, const Actor& actor, Id programme_id);
Result<SessionAttendance> get_session_attendance(storage::Store& store, const Actor& actor, Id programme_id, Id session_id);

// Progress as its owners see it (issue 3, item 5). A user is matched to their enrolment by e-mail
// (the user's and the person's, compared without case).
struct MyProgress {
  std::string programme_code;
  GradingPolicy policy;
  std::vector<LocalizedText> modules;
  GradebookRow row;
};
// Participants see their own progress.
Result<MyProgress> get_my_progress(storage::Store& store, const Actor& actor, Id programme_id);
// Group leaders see their team's progress.
Result<Gradebook> get_team_progress(storage::Store& store, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
