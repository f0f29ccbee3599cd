#pragma once
// Final projects (issue 4): a team member submits the team's proposal (versions kept, until the
// deadline), attaches PDFs, and the coordinator reopens a submission or sets the deadline.
// Who sees a project: the programme's coordinator, instructors and observers see all of them; a
// juror sees those assigned and free of conflict; a participant sees their own team's.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "services/files.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {


struct ProjectDetail {
  ProjectRecord project;
  std::vector<ProjectVersionSummary> versions;
  std::vector<AttachmentRecord> attachments;  // of the current version
  std::optional<std::string> deadline;
  bool editable = false;  // the actor may submit a new version now
};

// The text fields of a proposal by their JSON names, for the adapters and the checks alike.
std::array<std::pair<const char*, std::string*>, 6> project_text_fields(ProjectContent& content);

Result<std::vector<ProjectRecord>> list_projects(storage::Store& store, const Actor& actor, Id programme_id);
Result<ProjectDetail> get_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, TimePoint now);
// The actor's own team's project, or a 404 when the team has none yet (the form starts empty).
Result<ProjectDetail> get_my_project(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now);

// Submits (or resubmits, as a new version) the actor's team's project. Refused after the
// deadline, with the deadline in the programme's time zone, unless the coordinator reopened it.
Result<ProjectDetail> submit_project(storage::Store& store, const Actor& actor, Id programme_id, const ProjectContent& content, TimePoint now);
Result<ProjectDetail> reopen_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, std::int64_t expected_version,
                                     TimePoint now);

// A PDF of at most 20 MB for the current version, its type checked by its content.
constexpr std::size_t attachment_limit_bytes = 20 * 1024 * 1024;
// The upload's spooled file is moved into the file store.
Result<AttachmentRecord> add_attachment(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, const std::string& file_name,
                                        const Upload& upload, TimePoint now);
// An attachment to send: its name and its file, open (never copied into memory whole).
struct AttachmentFile {
  std::string file_name;
  OpenFile file;
};
Result<AttachmentFile> get_attachment(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, Id attachment_id);

Result<ProjectSettings> get_project_settings(storage::Store& store, const Actor& actor, Id programme_id);
Result<ProjectSettings> update_project_settings(storage::Store& store, const Actor& actor, Id programme_id, const ProjectSettings& settings,
                                                TimePoint now);

// Shared with the jury's use cases: may the actor read this project, and are they a member?
enum class ProjectAccess { none, member, assigned_juror, staff };
ProjectAccess project_access(storage::UnitOfWork& unit, const Actor& actor, Id programme_id, const ProjectRecord& project);

}  // namespace diplomado::services
