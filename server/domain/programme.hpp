#pragma once
// Values of the programme structure and its people, as the services and adapters exchange them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/enrollment.hpp"
#include "domain/gradebook.hpp"
#include "domain/messages.hpp"
#include "domain/permission.hpp"

namespace diplomado {

// Every visible text that users enter about a programme exists in Spanish and English.
struct LocalizedText {
  std::string es;
  std::string en;
};

// The text in one language.
inline const std::string& in_language(const LocalizedText& text, Language language) { return language == Language::es ? text.es : text.en; }

struct Organisation {
  std::string role;  // implementer | funder
  LocalizedText name;
  std::string acronym;
};

struct Module {
  Id id = 0;
  int position = 0;
  LocalizedText title;
  double hours = 0;
  double pass_mark = 0;
  double weight = 1;  // in the final grade; modules count equally unless said
  bool illustrative = false;  // named by us, not by the source the programme is built on
};

// A programme is prepared as a draft, runs while active, and is read-only once closed.
enum class ProgrammeStatus { draft, active, closed };

struct Programme {
  Id id = 0;
  std::string code;
  LocalizedText title;
  LocalizedText description;
  std::string country;    // ISO 3166-1 alpha-2
  std::string time_zone;  // IANA name
  std::string locale;     // BCP 47 language-REGION for numbers and dates ("es-PA", "es-CR")
  ProgrammeStatus status = ProgrammeStatus::draft;
  std::string start_date; // ISO 8601 dates
  std::string end_date;
  std::string modality = "in_person";  // in_person | online | blended
  std::vector<int> sdgs;
  std::vector<Organisation> organisations;
  std::vector<Module> modules;
  GradingPolicy grading;
  std::int64_t version = 1;
};

struct ProgrammeSummary {
  Id id = 0;
  std::string code;
  LocalizedText title;
  std::string start_date;
  std::string end_date;
  std::string country;
  ProgrammeStatus status = ProgrammeStatus::active;
};

struct ProgrammeCounts {
  std::int64_t enrollments = 0;
  std::int64_t active = 0;  // enrolled, completed or graduated
  std::int64_t withdrawn = 0;
  std::int64_t institutions = 0;
  std::int64_t teams = 0;
  std::int64_t subdivisions = 0;
  std::int64_t national_level = 0;
  std::int64_t local_level = 0;
};

// What a programme has so far, for its setup checklist.
struct SetupCounts {
  std::int64_t modules = 0;
  std::int64_t sessions = 0;
  std::int64_t assessments = 0;
  std::int64_t enrollments = 0;
  std::int64_t teams = 0;
  std::int64_t in_teams = 0;
  std::int64_t rubric_criteria = 0;
  std::int64_t jurors = 0;
  std::int64_t coordinators = 0;
};

// An institution as reference data: shared by every programme, valid between two dates because
// ministries are created and abolished.
struct InstitutionRecord {
  Id id = 0;
  LocalizedText name;
  std::string acronym;
  std::string sector;
  std::string level;
  std::string valid_from;
  std::string valid_to;
  std::vector<std::string> aliases;
  std::int64_t version = 1;
  std::string country = {};  // ISO 3166-1; empty: international (IOM, UNHCR)
};

struct InstitutionRef {
  Id id = 0;
  std::string acronym;
  LocalizedText name;
};

struct SubdivisionRef {
  std::string code;
  std::string name;
};

struct ParticipantRow {
  Id enrollment_id = 0;
  Id person_id = 0;
  std::string given_names;
  std::string family_names;
  std::string sex;
  std::string position;
  std::string level;
  InstitutionRef institution;
  SubdivisionRef subdivision;
  std::optional<Id> team_id;
  std::string team_name;
  bool is_group_leader = false;
  EnrollmentStatus status = EnrollmentStatus::enrolled;
  std::string withdrawal_reason;
};

// A participant with the contact and consent data only the coordinator sees (exports).
struct ParticipantRecord {
  ParticipantRow row;
  std::string email;
  std::string phone;
  std::string gender_identity;
  std::string consent_date;
  std::string consent_notice_version;
  std::string consent_purposes;
  std::int64_t version = 1;  // the enrolment's, for If-Match on status changes
};

template <class T>
struct Page {
  std::vector<T> items;
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  std::int64_t total = 0;
};

struct TeamView {
  Id id = 0;
  std::string name;
  SubdivisionRef region;
  std::optional<Id> leader_enrollment_id;
  std::string leader_name;
  std::string leader_institution_acronym;
  std::int64_t member_count = 0;
  std::vector<std::string> institution_acronyms;  // the mix of institutions in the team
  std::int64_t version = 1;
};

}  // namespace diplomado
