#pragma once
// Sessions, assessments, grades and attendance, and the gradebook's data. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"
#include "domain/gradebook.hpp"
#include "domain/teaching.hpp"

namespace diplomado::storage {

// Everything the gradebook is computed from, read in one go, dense (domain/gradebook.hpp).

struct GradebookData {
  GradebookInput input;
  std::vector<Id> module_ids;
  std::vector<LocalizedText> module_titles;
  std::vector<Id> assessment_ids;
  std::vector<std::string> assessment_codes;
  std::vector<Id> session_ids;
  std::vector<GradebookEnrollment> enrollments;
};

class TeachingRepository {
 public:
  virtual ~TeachingRepository() = default;
  virtual Id insert_session(Id module_id, const SessionSeed& session) = 0;
  virtual void set_session_link(Id session_id, std::string_view online_link) = 0;
  virtual void set_grading_policy(Id programme_id, const GradingPolicy& policy) = 0;
  virtual Id insert_assessment(Id programme_id, std::optional<Id> module_id, const AssessmentSeed& assessment) = 0;
  virtual void insert_grade(Id enrollment_id, Id assessment_id, double score, std::string_view at, std::optional<Id> by) = 0;
  virtual void insert_attendance(Id session_id, Id enrollment_id, Attendance mark) = 0;
  // Enrolments in sort order (withdrawn ones included: the gradebook shows them greyed).
  virtual GradebookData load_gradebook(Id programme_id) = 0;

  struct AssessmentRow {
    Id id = 0;
    std::string code;
    double max_score = 0;
    std::optional<Id> module_id;  // empty for the pretest and posttest
  };
  struct GradeRow {
    double score = 0;
    std::int64_t version = 1;
  };
  virtual std::optional<AssessmentRow> find_assessment(Id programme_id, Id assessment_id) = 0;
  virtual std::optional<GradeRow> find_grade(Id enrollment_id, Id assessment_id) = 0;
  // Inserts, or updates when the stored version is `expected_version`; false when it is not.
  virtual bool save_grade(Id enrollment_id, Id assessment_id, double score, std::optional<std::int64_t> expected_version, std::string_view at,
                          Id by) = 0;
  virtual bool session_in_programme(Id programme_id, Id session_id) = 0;

  struct GradeVersion {
    Id enrollment_id = 0;
    Id assessment_id = 0;
    std::int64_t version = 1;
  };
  // The version of every grade of the programme's assessments in one module (for the grid).
  virtual std::vector<GradeVersion> grade_versions(Id programme_id, Id module_id) = 0;
  // Every grade of the programme as stored (the gradebook's dense copy holds them as float), by
  // enrolment then assessment.
  struct GradeScore {
    Id enrollment_id = 0;
    Id assessment_id = 0;
    double score = 0;
  };
  virtual std::vector<GradeScore> grade_scores(Id programme_id) = 0;
  virtual std::vector<SessionRecord> sessions(Id programme_id) = 0;
  // Edits; false when the version is no longer `expected_version`.
  virtual bool update_session(Id session_id, Id module_id, const SessionSeed& session, std::string_view online_link, std::int64_t expected_version) = 0;
  virtual void delete_session(Id session_id) = 0;

  virtual std::vector<AssessmentDetail> assessments(Id programme_id) = 0;

  // Who teaches what: the programme's instructors (users with the role there) and their modules.
  struct InstructorRecord {
    Id user_id = 0;
    std::string email;
    std::string display_name;
    std::vector<Id> module_ids;  // empty: the whole programme
  };
  virtual std::vector<InstructorRecord> instructors(Id programme_id) = 0;
  virtual std::vector<Id> modules_of_instructor(Id programme_id, Id user_id) = 0;
  virtual void set_instructor_modules(Id programme_id, Id user_id, const std::vector<Id>& module_ids) = 0;
  virtual bool update_assessment(Id assessment_id, std::optional<Id> module_id, const AssessmentSeed& assessment, std::int64_t expected_version) = 0;
  virtual void delete_assessment(Id assessment_id) = 0;
  // Marks recorded for a session: enrolment id -> mark.
  virtual std::vector<std::pair<Id, Attendance>> attendance_of(Id session_id) = 0;
  virtual void save_attendance(Id session_id, Id enrollment_id, Attendance mark) = 0;
};

}  // namespace diplomado::storage
