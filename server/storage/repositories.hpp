#pragma once
// The interfaces the services need from storage. Services see only this header; the SOCI
// implementation lives beside it and is wired in by app/ (DESIGN.md §3).
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
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

namespace diplomado::storage {

struct UserRecord {
  Id id = 0;
  std::string email;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string created_at;
};

struct HttpSessionRecord {
  Actor actor;
  std::string csrf_token;
  std::string expires_at;
};

struct AuditEvent {
  std::optional<Id> actor_user_id;
  std::string action;       // verb.noun, e.g. "user.create"
  std::string entity;       // table name
  std::optional<Id> entity_id;
  std::string details_json; // never personal data or secrets
};

class ProgrammeRepository {
 public:
  virtual ~ProgrammeRepository() = default;
  virtual std::vector<ProgrammeSummary> list() = 0;
  virtual std::optional<Programme> find(Id programme_id) = 0;
  virtual std::optional<Id> find_id_by_code(std::string_view code) = 0;
  virtual bool exists(Id programme_id) = 0;
  virtual ProgrammeCounts counts(Id programme_id) = 0;
  virtual Page<ParticipantRow> participants(Id programme_id, const ParticipantFilter& filter, const PageRequest& page) = 0;
  virtual std::vector<ParticipantRecord> participant_records(Id programme_id, const ParticipantFilter& filter) = 0;
  virtual std::optional<ParticipantRecord> participant(Id programme_id, Id enrollment_id) = 0;
  // False when the enrolment's version is no longer `expected_version` (someone changed it).
  virtual bool update_enrollment_status(Id enrollment_id, std::int64_t expected_version, std::string_view status, std::string_view reason) = 0;
  virtual std::vector<TeamView> teams(Id programme_id) = 0;
  // Team edits by hand or by formation. False when the team's version is stale.
  virtual bool update_team(Id team_id, std::string_view name, std::optional<std::string> subdivision_code, std::optional<Id> leader_enrollment_id,
                           std::int64_t expected_version) = 0;
  virtual void set_enrollment_team(Id enrollment_id, std::optional<Id> team_id) = 0;
  virtual std::int64_t team_version(Id team_id) = 0;

  // Writes used when a programme is loaded from a seed.
  virtual Id insert_programme(const Programme& programme) = 0;
  virtual Id insert_module(Id programme_id, const Module& module) = 0;
  virtual Id insert_team(Id programme_id, const TeamSeed& team) = 0;
  virtual void set_team_leader(Id team_id, Id enrollment_id) = 0;
  virtual Id insert_enrollment(Id programme_id, Id person_id, const ParticipantSeed& participant, std::optional<Id> team_id) = 0;
};

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  // Institutions and subdivisions are shared between programmes: found by natural key or added.
  virtual Id find_or_insert_institution(const InstitutionSeed& institution) = 0;
  virtual void find_or_insert_subdivision(const SubdivisionSeed& subdivision) = 0;
  virtual Id insert_person(const ParticipantSeed& person, Id institution_id) = 0;

  // Reference data as the import matches it: institutions in force, a country's subdivisions.
  virtual std::vector<InstitutionCandidate> institution_candidates() = 0;
  virtual std::vector<InstitutionRecord> institutions() = 0;
  virtual std::optional<InstitutionRecord> find_institution(Id institution_id) = 0;
  virtual std::optional<Id> find_institution_by_name(std::string_view name_es) = 0;
  virtual Id insert_institution(const InstitutionRecord& institution) = 0;
  // False when the version is no longer `expected_version`.
  virtual bool update_institution(const InstitutionRecord& institution, std::int64_t expected_version) = 0;
  // Moves every person of `merged` to `kept` and removes `merged`; returns how many people moved.
  virtual std::int64_t merge_institution(Id kept, Id merged) = 0;
  virtual std::vector<SubdivisionCandidate> subdivision_candidates(std::string_view country) = 0;
  // Adds a subdivision or replaces its name, kind and aliases (a country's list loaded again).
  virtual void upsert_subdivision(const SubdivisionSeed& subdivision, const std::vector<std::string>& aliases) = 0;
  virtual void set_institution_aliases(Id institution_id, const std::vector<std::string>& aliases) = 0;

  // Every person on file, with whether they are enrolled in the programme.
  virtual void for_each_person(Id programme_id, const std::function<void(ExistingPerson&&)>& visit) = 0;
  virtual Id insert_person(const ImportedPerson& person) = 0;
  // New people, each enrolled in the programme: many rows a statement, so a large import costs
  // few round trips (PostgreSQL) and few statement executions (SQLite). E-mails must be set.
  virtual void insert_and_enrol(Id programme_id, const std::vector<const ImportedPerson*>& people) = 0;
  virtual void update_person(Id person_id, const ImportedPerson& person) = 0;
  virtual Id enrol(Id programme_id, Id person_id) = 0;
};

// Everything the gradebook is computed from, read in one go, dense (domain/gradebook.hpp).
struct GradebookEnrollment {
  Id enrollment_id = 0;
  Id person_id = 0;
  std::string given_names;
  std::string family_names;
  std::string email;
  std::string status;
  std::optional<Id> team_id;
  std::string team_name;
};

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
  struct SessionRow {
    Id id = 0;
    Id module_id = 0;
    LocalizedText title;
    std::string starts_at;
    std::string ends_at;
    std::string place;
    std::string online_link;
    std::int64_t version = 1;
    std::int64_t marks = 0;  // attendance marks recorded
  };
  virtual std::vector<SessionRow> sessions(Id programme_id) = 0;
  // Edits; false when the version is no longer `expected_version`.
  virtual bool update_session(Id session_id, Id module_id, const SessionSeed& session, std::string_view online_link, std::int64_t expected_version) = 0;
  virtual void delete_session(Id session_id) = 0;

  struct AssessmentDetail {
    Id id = 0;
    std::optional<int> module;  // position from 1
    AssessmentSeed seed;
    std::int64_t version = 1;
    std::int64_t grades = 0;
    std::optional<double> highest_grade;
  };
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

// Final projects (issue 4).
struct RubricLevel {
  int level = 0;
  LocalizedText description;
};

struct RubricCriterionRecord {
  Id id = 0;
  std::string code;
  LocalizedText title;
  double weight = 1;
  int scale_min = 1;
  int scale_max = 5;
  std::vector<RubricLevel> levels;
};

struct RubricRecord {
  std::int64_t version = 1;
  std::vector<RubricCriterionRecord> criteria;
};

struct ProjectSettings {
  std::optional<std::string> deadline;  // UTC ISO 8601; empty: no deadline
  int jurors_per_project = 3;
  double disagreement_threshold = 20;
};

struct ProjectContent {
  std::string title;
  std::string problem;
  std::string objectives;
  std::string target_population;
  std::string human_rights;
  std::string expected_results;
  std::vector<int> gcm_objectives;  // 1..23, ascending
};

struct ProjectRecord {
  Id id = 0;
  Id team_id = 0;
  std::string team_name;
  std::string region_code;
  std::string region_name;
  std::string status;  // submitted | reopened
  std::int64_t current_version = 1;
  std::int64_t version = 1;
  ProjectContent content;
  std::string submitted_at;
};

struct ProjectVersionSummary {
  std::int64_t number = 0;
  std::string title;
  std::string submitted_at;
};

struct AttachmentRecord {
  Id id = 0;
  std::int64_t version_number = 0;
  std::string file_name;
  std::int64_t size_bytes = 0;
  std::string sha256;
};

struct TeamMember {
  Id enrollment_id = 0;
  std::string email;  // normalised
  std::optional<Id> institution_id;
  std::string status;
};

class ProjectRepository {
 public:
  virtual ~ProjectRepository() = default;
  virtual RubricRecord rubric(Id programme_id) = 0;
  // Replaces every criterion and bumps the rubric's version.
  virtual void replace_rubric(Id programme_id, const std::vector<RubricCriterionRecord>& criteria) = 0;
  virtual ProjectSettings settings(Id programme_id) = 0;
  virtual void set_settings(Id programme_id, const ProjectSettings& settings) = 0;

  virtual std::vector<ProjectRecord> projects(Id programme_id) = 0;
  virtual std::optional<ProjectRecord> project(Id programme_id, Id project_id) = 0;
  virtual std::optional<ProjectRecord> project_of_team(Id team_id) = 0;
  virtual std::vector<TeamMember> team_members(Id team_id) = 0;
  // Every team's members at once (conflicts, assignment): team id -> members.
  virtual std::vector<std::pair<Id, TeamMember>> programme_team_members(Id programme_id) = 0;
  virtual Id insert_project(Id team_id) = 0;
  virtual void add_project_version(Id project_id, std::int64_t number, const ProjectContent& content, std::string_view at, std::optional<Id> by) = 0;
  // Points the project at a version and sets its status; false when its version is no longer
  // `expected_version`.
  virtual bool set_project_state(Id project_id, std::int64_t current_version, std::string_view status, std::int64_t expected_version) = 0;
  virtual std::vector<ProjectVersionSummary> project_versions(Id project_id) = 0;
  virtual Id insert_attachment(Id project_id, std::int64_t version_number, const AttachmentRecord& attachment, std::string_view content_base64) = 0;
  virtual std::vector<AttachmentRecord> attachments(Id project_id, std::int64_t version_number) = 0;
  virtual std::optional<std::string> attachment_content(Id project_id, Id attachment_id) = 0;
};

struct JurorRecord {
  Id user_id = 0;
  std::string email;
  std::string display_name;
  std::optional<Id> institution_id;
  std::string institution_acronym;
  std::vector<Id> declared_teams;
  std::vector<Id> declared_institutions;
};

struct ReviewRecord {
  Id project_id = 0;
  Id user_id = 0;
  std::string assigned_at;
  std::optional<std::string> submitted_at;
  std::int64_t version = 1;
};

struct ReviewScoreRecord {
  Id project_id = 0;
  Id user_id = 0;
  Id criterion_id = 0;
  int level = 0;
  std::string comment;
};

struct RecognitionRecord {
  Id id = 0;
  std::string kind;
  std::optional<Id> project_id;
  std::string confirmed_at;
};

class JuryRepository {
 public:
  virtual ~JuryRepository() = default;
  virtual std::vector<JurorRecord> jurors(Id programme_id) = 0;
  virtual void upsert_juror(Id programme_id, Id user_id, std::optional<Id> institution_id) = 0;
  virtual Id insert_conflict(Id programme_id, Id user_id, std::optional<Id> team_id, std::optional<Id> institution_id, std::string_view reason) = 0;
  virtual std::vector<ReviewRecord> reviews(Id programme_id) = 0;
  virtual std::optional<ReviewRecord> review(Id project_id, Id user_id) = 0;
  virtual void insert_review(Id project_id, Id user_id, std::string_view assigned_at) = 0;
  // Removes assignments not yet submitted that a conflict now forbids; returns how many.
  virtual std::int64_t remove_unsubmitted_review(Id project_id, Id user_id) = 0;
  // Scores of submitted reviews of the programme (the ranking), or of one review.
  virtual std::vector<ReviewScoreRecord> submitted_scores(Id programme_id) = 0;
  virtual std::vector<ReviewScoreRecord> scores_of(Id project_id, Id user_id) = 0;
  virtual std::int64_t submitted_count(Id programme_id) = 0;
  // Writes the scores and marks the review submitted; false when its version is stale.
  virtual bool submit_review(Id project_id, Id user_id, const std::vector<ReviewScoreRecord>& scores, std::string_view at,
                             std::int64_t expected_version) = 0;
  virtual std::optional<RecognitionRecord> best_project(Id programme_id) = 0;
  virtual void set_best_project(Id programme_id, Id project_id, Id by, std::string_view at) = 0;
};

struct ImportUpload {
  Id id = 0;
  Id programme_id = 0;
  Id user_id = 0;
  std::string created_at;
  std::string file_name;
  std::string content_base64;
};

// Spreadsheets kept between upload and confirmation, so a slow link sends the file once.
class ImportUploadRepository {
 public:
  virtual ~ImportUploadRepository() = default;
  virtual Id insert(const ImportUpload& upload) = 0;
  virtual std::optional<ImportUpload> find(Id upload_id, Id programme_id) = 0;
  virtual void remove(Id upload_id) = 0;
  virtual void remove_created_before(std::string_view at) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<UserRecord> find_by_email(std::string_view normalised_email) = 0;
  virtual Id insert(const NewUser& user) = 0;
  virtual void add_grant(Id user_id, const RoleGrant& grant) = 0;
  virtual std::vector<RoleGrant> grants(Id user_id) = 0;
  virtual std::int64_t count() = 0;
};

class HttpSessionRepository {
 public:
  virtual ~HttpSessionRepository() = default;
  virtual void insert(std::string_view token_hash, Id user_id, std::string_view csrf_token, std::string_view created_at,
                      std::string_view expires_at) = 0;
  // The session's actor, if the token names a session that has not expired at `now`.
  virtual std::optional<HttpSessionRecord> find_live(std::string_view token_hash, std::string_view now) = 0;
  virtual bool remove(std::string_view token_hash) = 0;
  virtual void remove_expired(std::string_view now) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual void append(const AuditEvent& event, std::string_view at) = 0;
  virtual std::int64_t count(std::string_view action) = 0;
  // The details of every event with this action, oldest first.
  virtual std::vector<std::string> details(std::string_view action) = 0;
};

enum class TransactionMode { read_only, read_write };

// One transaction over every repository. Destroying it without commit() rolls back, so a
// failure part-way writes nothing.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual ProgrammeRepository& programmes() = 0;
  virtual PeopleRepository& people() = 0;
  virtual UserRepository& users() = 0;
  virtual HttpSessionRepository& http_sessions() = 0;
  virtual AuditRepository& audit() = 0;
  virtual ImportUploadRepository& uploads() = 0;
  virtual TeachingRepository& teaching() = 0;
  virtual ProjectRepository& projects() = 0;
  virtual JuryRepository& jury() = 0;
  virtual void commit() = 0;

  // A number that changes whenever the stored data may have changed: a commit in this process,
  // or in another one on the same database. Read at the start of a read-only unit, so data read
  // in the unit may be cached under it. Nothing when the backend cannot tell (PostgreSQL, where
  // other servers may write) or in a writing unit: then nothing may be cached.
  virtual std::optional<std::uint64_t> data_generation() const = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<UnitOfWork> begin(TransactionMode mode) = 0;
};

}  // namespace diplomado::storage
