#pragma once
// A whole programme described as data (the demo programme is one), loaded in one transaction.
// Keys tie the parts together inside the file; they are not stored.
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/closing.hpp"
#include "domain/enrollment.hpp"
#include "domain/programme.hpp"

namespace diplomado {

struct SubdivisionSeed {
  std::string code;  // ISO 3166-2
  std::string country;
  std::string name;
  std::string kind;
};

struct InstitutionSeed {
  std::string key;
  LocalizedText name;
  std::string acronym;
  std::string sector;
  std::string level;
  std::string valid_from;
  std::string valid_to;
  std::string country = {};  // empty in a programme file: the programme's; "international" for IOM, UNHCR
};

struct ParticipantSeed {
  std::string key;
  std::string given_names;
  std::string family_names;
  std::string sex;
  std::string email;
  std::string institution_key;
  std::string position;
  std::string level;
  std::string subdivision_code;
  EnrollmentStatus status = EnrollmentStatus::enrolled;
  std::string withdrawal_reason;
  std::string team_key;
};

struct TeamSeed {
  std::string key;
  std::string name;
  std::string subdivision_code;
  std::string leader_key;  // a participant key
};

// Teaching data in a programme file (issue 3). Modules are named by position (1 = the first).
struct SessionSeed {
  std::string key;
  int module = 0;
  LocalizedText title;
  std::string starts_at;  // ISO 8601 UTC
  std::string ends_at;
  std::string place;
};

struct AssessmentSeed {
  std::string code;           // unique in the programme: "M1-QUIZ", "PRE"
  std::optional<int> module;  // empty for the pretest and posttest
  std::string kind;
  LocalizedText title;
  double max_score = 100;
  double weight = 1;
  std::string due_date;
};

struct GradeSeed {
  std::string participant_key;
  std::string assessment_code;
  double score = 0;
};

// Quick entry, as on a phone in the room: everyone active is present unless listed. Those with
// no mark at all (taken before they enrolled, say) are listed as unrecorded; a withdrawn person
// gets a mark only when listed, "present" included (marks taken before they withdrew).
struct AttendanceSeed {
  std::string session_key;
  std::vector<std::string> late;
  std::vector<std::string> excused;
  std::vector<std::string> absent;
  std::vector<std::string> unrecorded = {};
  std::vector<std::string> present = {};
};

// Final projects in a programme file (issue 4).
struct RubricCriterionSeed {
  std::string code;
  LocalizedText title;
  double weight = 1;
  int scale_min = 1;
  int scale_max = 5;
  std::vector<std::pair<int, LocalizedText>> levels;
};

struct ProjectSeed {
  std::string team_key;
  std::string title, problem, objectives, target_population, human_rights, expected_results;
  std::vector<int> gcm_objectives;
};

// A juror of the demo has no password: they show the ranking; a real juror is added by the
// coordinator, who is given a password once.
struct JurorSeed {
  std::string key;
  std::string email;
  std::string display_name;
  std::string institution_key;  // may be empty
  std::vector<std::string> conflict_teams;
};

struct ReviewSeed {
  std::string team_key;
  std::string juror_key;
  std::vector<std::pair<std::string, int>> levels;  // criterion code -> level
  std::vector<std::pair<std::string, std::string>> comments;
};

struct ProgrammeSeed {
  Programme programme;
  std::vector<SubdivisionSeed> subdivisions;
  std::vector<InstitutionSeed> institutions;
  std::vector<TeamSeed> teams;
  std::vector<ParticipantSeed> participants;
  std::vector<SessionSeed> sessions;
  std::vector<AssessmentSeed> assessments;
  std::vector<GradeSeed> grades;
  std::vector<AttendanceSeed> attendance;
  std::vector<RubricCriterionSeed> rubric;
  std::string project_deadline;  // ISO 8601 UTC, or empty
  int jurors_per_project = 3;
  std::vector<ProjectSeed> projects;
  std::vector<JurorSeed> jurors;
  std::vector<ReviewSeed> reviews;
  // The certificates' layout and signatories (logos are uploaded, not part of a file).
  CertificateLayout certificate_layout = CertificateLayout::bilingual;
  std::vector<Signatory> signatories;
  // The closing ceremony and its guests, and the satisfaction survey's questions.
  Ceremony ceremony;
  std::vector<Guest> guests;
  std::vector<SurveyQuestion> survey_questions;
};

// Checks that the parts fit together (every key resolves, statuses and levels are known, a
// withdrawal has a reason, a leader belongs to the team they lead). Errors name the entry.
Result<void> check_programme_seed(const ProgrammeSeed& seed);

}  // namespace diplomado
