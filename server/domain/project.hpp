#pragma once
// Final projects' records as the use cases hand them on (issue 4): the rubric, a project with its
// content and versions, an attachment, a team's members, a juror.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enrollment.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"

namespace diplomado {

// A project is submitted, or reopened by the coordinator after the deadline for one more version.
enum class ProjectStatus { submitted, reopened };
std::string_view to_string(ProjectStatus status);
std::optional<ProjectStatus> parse_project_status(std::string_view text);

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
  ProjectStatus status = ProjectStatus::submitted;
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
  EnrollmentStatus status = EnrollmentStatus::enrolled;
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

}  // namespace diplomado
