#include "services/submit_project.hpp"
#include "json/json_writer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "domain/jury.hpp"
#include "domain/validation.hpp"
#include "services/crypto.hpp"
#include "services/get_programme.hpp"
#include "services/jury_profiles.hpp"

namespace diplomado::services {
namespace {

bool is_member(const std::vector<TeamMember>& members, const Actor& actor) {
  const std::string email = normalise_email(actor.email);
  return std::ranges::any_of(members, [&](const TeamMember& member) { return member.status != EnrollmentStatus::withdrawn && member.email == email; });
}

// The team the actor belongs to in the programme, matched by e-mail as the gradebook does.
std::optional<Id> team_of_actor(storage::UnitOfWork& unit, const Actor& actor, Id programme_id) {
  const std::string email = normalise_email(actor.email);
  for (const auto& [team, member] : unit.projects().programme_team_members(programme_id))
    if (member.status != EnrollmentStatus::withdrawn && member.email == email) return team;
  return std::nullopt;
}

bool past_deadline(const ProjectSettings& settings, TimePoint now) {
  if (!settings.deadline) return false;
  const auto deadline = parse_iso8601(*settings.deadline);
  return deadline && now > *deadline;
}

// The refusal of a late submission gives the deadline as people in the programme read it.
Error deadline_passed(storage::UnitOfWork& unit, Id programme_id, const ProjectSettings& settings) {
  const auto programme = unit.programmes().find(programme_id);
  Error late = make_error(ErrorCode::conflict, "error.project.deadline_passed");
  late.details.push_back({"deadline", std::nullopt, "deadline_passed", "error.project.deadline_passed",
                          format_local_time(*parse_iso8601(*settings.deadline), programme ? programme->time_zone : "UTC")});
  return late;
}

ProjectDetail detail_of(storage::UnitOfWork& unit, ProjectRecord project, const ProjectSettings& settings, bool editable) {
  ProjectDetail detail;
  detail.versions = unit.projects().project_versions(project.id);
  detail.attachments = unit.projects().attachments(project.id, project.current_version);
  detail.deadline = settings.deadline;
  detail.editable = editable;
  detail.project = std::move(project);
  return detail;
}

std::vector<FieldError> check_content(ProjectContent content) {
  std::vector<FieldError> errors;
  const auto fields = project_text_fields(content);
  for (const auto& [name, text] : fields) {
    if (std::ranges::all_of(*text, [](unsigned char c) { return std::isspace(c); })) errors.push_back({name, std::nullopt, "required", "error.field.required", {}});
    else if (text->size() > (std::string_view(name) == "title" ? 300u : 20000u))
      errors.push_back({name, std::nullopt, "too_long", "error.field.too_long", {}});
  }
  if (content.gcm_objectives.empty())
    errors.push_back({"gcm_objectives", std::nullopt, "required", "error.project.gcm_required", {}});
  for (int objective : content.gcm_objectives)
    if (objective < 1 || objective > 23)
      errors.push_back({"gcm_objectives", std::nullopt, "unknown_objective", "error.project.gcm_unknown", std::to_string(objective)});
  return errors;
}

}  // namespace

std::array<std::pair<const char*, std::string*>, 6> project_text_fields(ProjectContent& content) {
  return {{{"title", &content.title},
           {"problem", &content.problem},
           {"objectives", &content.objectives},
           {"target_population", &content.target_population},
           {"human_rights", &content.human_rights},
           {"expected_results", &content.expected_results}}};
}

ProjectAccess project_access(storage::UnitOfWork& unit, const Actor& actor, Id programme_id, const ProjectRecord& project) {
  if (actor.has_role(Role::coordinator, programme_id) || actor.has_role(Role::instructor, programme_id) ||
      actor.has_role(Role::observer, programme_id))
    return ProjectAccess::staff;
  if (actor.has_role(Role::juror, programme_id)) {
    const auto review = unit.jury().review(project.id, actor.user_id);
    if (review) {
      // An assignment made before a conflict came to light gives no access.
      for (const auto& juror : unit.jury().jurors(programme_id)) {
        if (juror.user_id != actor.user_id) continue;
        JuryProject jury_project{project.team_id, {}, {}};
        for (const auto& member : unit.projects().team_members(project.team_id)) add_member(jury_project, member);
        if (!conflict_between(juror_profile_of(juror), jury_project)) return ProjectAccess::assigned_juror;
      }
    }
  }
  if (is_member(unit.projects().team_members(project.team_id), actor)) return ProjectAccess::member;
  return ProjectAccess::none;
}

Result<std::vector<ProjectRecord>> list_projects(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  std::vector<ProjectRecord> visible;
  for (auto& project : unit->projects().projects(programme_id))
    if (project_access(*unit, actor, programme_id, project) != ProjectAccess::none) visible.push_back(std::move(project));
  return visible;
}

namespace {

struct VisibleProject {
  ProjectRecord project;
  ProjectAccess access = ProjectAccess::none;
};

// The project, if it is the programme's (404 otherwise) and the actor may see it (403 otherwise).
Result<VisibleProject> visible_project(storage::UnitOfWork& unit, const Actor& actor, Id programme_id, Id project_id) {
  auto project = unit.projects().project(programme_id, project_id);
  if (!project) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  const ProjectAccess access = project_access(unit, actor, programme_id, *project);
  if (access == ProjectAccess::none) return std::unexpected(make_error(ErrorCode::forbidden, "error.project.not_yours"));
  return VisibleProject{std::move(*project), access};
}

}  // namespace

Result<ProjectDetail> get_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto visible = visible_project(*unit, actor, programme_id, project_id);
  if (!visible) return std::unexpected(visible.error());
  const auto settings = unit->projects().settings(programme_id);
  const bool editable = visible->access == ProjectAccess::member && (!past_deadline(settings, now) || visible->project.status == ProjectStatus::reopened);
  return detail_of(*unit, std::move(visible->project), settings, editable);
}

Result<ProjectDetail> get_my_project(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto team = team_of_actor(*unit, actor, programme_id);
  if (!team) return std::unexpected(make_error(ErrorCode::not_found, "error.project.no_team"));
  const auto settings = unit->projects().settings(programme_id);
  auto project = unit->projects().project_of_team(*team);
  if (!project) {
    ProjectDetail empty;
    empty.project.team_id = *team;
    empty.project.current_version = 0;
    empty.deadline = settings.deadline;
    empty.editable = !past_deadline(settings, now);
    return empty;
  }
  const bool editable = !past_deadline(settings, now) || project->status == ProjectStatus::reopened;
  return detail_of(*unit, std::move(*project), settings, editable);
}

Result<ProjectDetail> submit_project(storage::Store& store, const Actor& actor, Id programme_id, const ProjectContent& submitted, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  ProjectContent content = submitted;
  std::ranges::sort(content.gcm_objectives);
  content.gcm_objectives.erase(std::unique(content.gcm_objectives.begin(), content.gcm_objectives.end()), content.gcm_objectives.end());
  if (auto errors = check_content(content); !errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto team = team_of_actor(*unit, actor, programme_id);
  if (!team) return std::unexpected(make_error(ErrorCode::forbidden, "error.project.no_team"));
  const auto settings = unit->projects().settings(programme_id);
  auto existing = unit->projects().project_of_team(*team);
  const bool reopened = existing && existing->status == ProjectStatus::reopened;
  if (past_deadline(settings, now) && !reopened) {
    return std::unexpected(deadline_passed(*unit, programme_id, settings));
  }
  const std::string at = format_iso8601(now);
  Id project_id = 0;
  std::int64_t number = 1;
  if (!existing) {
    project_id = unit->projects().insert_project(*team);
    unit->projects().add_project_version(project_id, 1, content, at, actor.user_id);
  } else {
    project_id = existing->id;
    number = static_cast<std::int64_t>(unit->projects().project_versions(project_id).size()) + 1;
    unit->projects().add_project_version(project_id, number, content, at, actor.user_id);
    // A project reopened after the deadline stays open to its team, so the new version can get
    // its attachments; before the deadline it is simply submitted again.
    const bool late = past_deadline(settings, now);
    if (!unit->projects().set_project_state(project_id, number, late && reopened ? ProjectStatus::reopened : ProjectStatus::submitted, existing->version))
      return std::unexpected(make_error(ErrorCode::conflict, "error.project.stale"));
  }
  unit->audit().append({actor.user_id, "project.submit", "project", project_id, json_object("version", number)}, at);
  auto project = unit->projects().project_of_team(*team);
  ProjectDetail detail = detail_of(*unit, std::move(*project), settings, true);
  unit->commit();
  return detail;
}

Result<ProjectDetail> reopen_project(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, std::int64_t expected_version,
                                     TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto project = unit->projects().project(programme_id, project_id);
  if (!project) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  if (!unit->projects().set_project_state(project_id, project->current_version, ProjectStatus::reopened, expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.project.stale"));
  unit->audit().append({actor.user_id, "project.reopen", "project", project_id, "{}"}, format_iso8601(now));
  const auto settings = unit->projects().settings(programme_id);
  auto reopened = unit->projects().project(programme_id, project_id);
  ProjectDetail detail = detail_of(*unit, std::move(*reopened), settings, false);
  unit->commit();
  return detail;
}

Result<AttachmentRecord> add_attachment(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, const std::string& file_name,
                                        const Upload& upload, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  const std::string_view bytes = upload.bytes();
  if (bytes.size() > attachment_limit_bytes)
    return std::unexpected(field_error("file", "too_large", "error.attachment.too_large", std::to_string((bytes.size() + 1024 * 1024 - 1) / (1024 * 1024)) + " MiB"));
  // A PDF starts with "%PDF-" and ends with "%%EOF" (ISO 32000-1, 7.5.2 and 7.5.5), within the
  // last kilobyte; a renamed file of another type fails, whatever its name says.
  const std::string_view content = bytes;
  const bool looks_like_pdf = content.starts_with("%PDF-") && content.substr(content.size() > 1024 ? content.size() - 1024 : 0).find("%%EOF") != std::string_view::npos;
  if (!looks_like_pdf) {
    const bool named_pdf = file_name.size() >= 4 && std::ranges::equal(file_name.substr(file_name.size() - 4), std::string_view(".pdf"),
                                                                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return std::unexpected(field_error("file", named_pdf ? "fake_pdf" : "not_pdf",
                                       named_pdf ? "error.attachment.fake_pdf" : "error.attachment.not_pdf", file_name));
  }
  std::string name = file_name.empty() ? "proyecto.pdf" : file_name.substr(0, 200);
  std::ranges::replace_if(name, [](char c) { return c == '/' || c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20; }, '_');

  auto unit = store.begin(storage::TransactionMode::read_write);
  auto visible = visible_project(*unit, actor, programme_id, project_id);
  if (!visible) return std::unexpected(visible.error());
  if (visible->access != ProjectAccess::member) return std::unexpected(make_error(ErrorCode::forbidden, "error.project.not_yours"));
  const ProjectRecord* project = &visible->project;
  const auto settings = unit->projects().settings(programme_id);
  if (past_deadline(settings, now) && project->status != ProjectStatus::reopened) {
    return std::unexpected(deadline_passed(*unit, programme_id, settings));
  }
  AttachmentRecord attachment;
  attachment.file_name = name;
  attachment.size_bytes = static_cast<std::int64_t>(bytes.size());
  attachment.version_number = project->current_version;
  auto kept = store.files().keep(upload.path());
  if (!kept) return std::unexpected(kept.error());
  attachment.sha256 = kept->sha256;
  attachment.id = unit->projects().insert_attachment(project_id, project->current_version, attachment);
  unit->audit().append({actor.user_id, "project.attach", "project", project_id, json_object("bytes", bytes.size())},
                       format_iso8601(now));
  unit->commit();
  return attachment;
}

Result<AttachmentFile> get_attachment(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, Id attachment_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto visible = visible_project(*unit, actor, programme_id, project_id);
  if (!visible) return std::unexpected(visible.error());
  const ProjectRecord* project = &visible->project;
  const auto digest = unit->projects().attachment_digest(project_id, attachment_id);
  if (!digest) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  std::string name = "proyecto.pdf";
  for (std::int64_t version = project->current_version; version >= 1; --version)
    for (const auto& attachment : unit->projects().attachments(project_id, version))
      if (attachment.id == attachment_id) name = attachment.file_name;
  auto file = open_kept_file_for_sending(store.files(), *digest);
  if (!file) return std::unexpected(file.error());
  return AttachmentFile{name, std::move(*file)};
}

Result<ProjectSettings> get_project_settings(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->projects().settings(programme_id);
}

Result<ProjectSettings> update_project_settings(storage::Store& store, const Actor& actor, Id programme_id, const ProjectSettings& settings,
                                                TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  if (settings.deadline && !parse_iso8601(*settings.deadline))
    invalid.details.push_back({"deadline", std::nullopt, "invalid_time", "error.session.time", *settings.deadline});
  if (settings.jurors_per_project < 1 || settings.jurors_per_project > 20)
    invalid.details.push_back({"jurors_per_project", std::nullopt, "out_of_range", "error.project.jurors_per_project",
                               std::to_string(settings.jurors_per_project)});
  if (!(settings.disagreement_threshold > 0 && settings.disagreement_threshold <= 100))
    invalid.details.push_back({"disagreement_threshold", std::nullopt, "out_of_range", "error.grading.percentage", {}});
  if (!invalid.details.empty()) return std::unexpected(invalid);
  auto unit = store.begin(storage::TransactionMode::read_write);
  unit->projects().set_settings(programme_id, settings);
  unit->audit().append({actor.user_id, "project.settings", "programme", programme_id, "{}"}, format_iso8601(now));
  unit->commit();
  return settings;
}

}  // namespace diplomado::services
