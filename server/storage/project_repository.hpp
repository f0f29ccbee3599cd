#pragma once
// Final projects: the rubric, projects and their versions, attachments, team members. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
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
#include "domain/project.hpp"

namespace diplomado::storage {

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
  virtual bool set_project_state(Id project_id, std::int64_t current_version, ProjectStatus status, std::int64_t expected_version) = 0;
  virtual std::vector<ProjectVersionSummary> project_versions(Id project_id) = 0;
  // The attachment's bytes are in the file store, under attachment.sha256.
  virtual Id insert_attachment(Id project_id, std::int64_t version_number, const AttachmentRecord& attachment) = 0;
  virtual std::vector<AttachmentRecord> attachments(Id project_id, std::int64_t version_number) = 0;
  // The attachment's file digest, if the project has that attachment.
  virtual std::optional<std::string> attachment_digest(Id project_id, Id attachment_id) = 0;
};

}  // namespace diplomado::storage
