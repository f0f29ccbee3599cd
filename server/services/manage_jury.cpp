#include "services/manage_jury.hpp"

#include "services/account_links.hpp"
#include "json/json_writer.hpp"

#include <algorithm>
#include <map>

#include "domain/jury.hpp"
#include "domain/validation.hpp"
#include "services/crypto.hpp"
#include "services/get_programme.hpp"
#include "services/jury_profiles.hpp"

namespace diplomado::services {
namespace {

std::optional<JurorRecord> find_juror(storage::UnitOfWork& unit, Id programme_id, Id user_id) {
  for (auto& juror : unit.jury().jurors(programme_id))
    if (juror.user_id == user_id) return juror;
  return std::nullopt;
}

// The projects as the domain sees them: their teams' active members.
std::vector<JuryProject> jury_projects(storage::UnitOfWork& unit, Id programme_id, const std::vector<ProjectRecord>& projects) {
  std::map<Id, JuryProject> by_team;
  for (const auto& [team, member] : unit.projects().programme_team_members(programme_id)) add_member(by_team[team], member);
  std::vector<JuryProject> result;
  for (const auto& project : projects) {
    JuryProject entry = by_team[project.team_id];
    entry.team_id = project.team_id;
    result.push_back(std::move(entry));
  }
  return result;
}

}  // namespace

Result<std::vector<JurorRecord>> list_jurors(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->jury().jurors(programme_id);
}

Result<AddedJuror> add_juror(storage::Store& store, const Actor& actor, Id programme_id, const NewJuror& request, const std::string& public_url,
                             TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  const std::string email = normalise_email(request.email);
  if (!is_valid_email(email)) return std::unexpected(field_error("email", "invalid", "error.field.email", request.email));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (request.institution_id && !unit->people().find_institution(*request.institution_id))
    return std::unexpected(field_error("institution_id", "unknown", "error.institution.not_found", std::to_string(*request.institution_id)));
  // Asked for every juror, so the answer cannot tell whether the e-mail already had an account.
  if (request.display_name.empty() || request.display_name.size() > 200)
    return std::unexpected(field_error("display_name", "required", "error.field.required"));
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(make_error(ErrorCode::not_found, "error.programme.not_found"));
  AddedJuror added;
  const std::string at = format_iso8601(now);
  auto user = unit->users().find_by_email(email);
  if (!user) {
    const Id id = unit->users().insert({email, request.display_name, "!", at});  // "!" matches no password
    user = storage::UserRecord{id, email, request.display_name, "!", false};
    unit->audit().append({actor.user_id, "user.create", "app_user", id, json_object("role", "juror"), programme_id}, at);
  }
  const Id user_id = user->id;
  if (!user->disabled) send_invitation(*unit, {user->id, user->email, user->display_name}, programme_id, programme->title, InvitationKind::juror, public_url, now);
  const auto grants = unit->users().grants(user_id);
  if (!std::ranges::any_of(grants, [&](const RoleGrant& grant) { return grant.role == Role::juror && grant.programme_id == programme_id; }))
    unit->users().add_grant(user_id, {Role::juror, programme_id});
  unit->jury().upsert_juror(programme_id, user_id, request.institution_id);
  unit->audit().append({actor.user_id, "juror.add", "juror", user_id, "{}"}, at);
  added.juror = *find_juror(*unit, programme_id, user_id);
  unit->commit();
  return added;
}

Result<JurorRecord> declare_conflict(storage::Store& store, const Actor& actor, Id programme_id, const NewConflict& conflict, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (conflict.team_id.has_value() == conflict.institution_id.has_value())
    return std::unexpected(field_error("team_id", "one_of", "error.conflict.team_or_institution"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!find_juror(*unit, programme_id, conflict.user_id))
    return std::unexpected(field_error("user_id", "unknown", "error.jury.unknown_juror", std::to_string(conflict.user_id)));
  if (conflict.team_id) {
    const auto teams = unit->programmes().teams(programme_id);
    if (std::ranges::find(teams, *conflict.team_id, &TeamView::id) == teams.end())
      return std::unexpected(field_error("team_id", "unknown", "error.team.unknown", std::to_string(*conflict.team_id)));
  }
  if (conflict.institution_id && !unit->people().find_institution(*conflict.institution_id))
    return std::unexpected(field_error("institution_id", "unknown", "error.institution.not_found", std::to_string(*conflict.institution_id)));
  const std::string at = format_iso8601(now);
  const Id id = unit->jury().insert_conflict(programme_id, conflict.user_id, conflict.team_id, conflict.institution_id, conflict.reason.substr(0, 500));
  // Withdraw what the conflict now forbids, unless the review was already sent (it then stays,
  // visible to the coordinator, who may discard it by reopening).
  const auto juror = *find_juror(*unit, programme_id, conflict.user_id);
  const auto projects = unit->projects().projects(programme_id);
  const auto described = jury_projects(*unit, programme_id, projects);
  std::int64_t withdrawn = 0;
  for (std::size_t p = 0; p < projects.size(); ++p)
    if (conflict_between(juror_profile_of(juror), described[p])) withdrawn += unit->jury().remove_unsubmitted_review(projects[p].id, juror.user_id);
  unit->audit().append({actor.user_id, "juror.conflict", "juror_conflict", id, json_object("withdrawn", withdrawn)}, at);
  unit->commit();
  return juror;
}

Result<AssignmentOutcome> assign_jurors(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto projects = unit->projects().projects(programme_id);
  const auto jurors = unit->jury().jurors(programme_id);
  const auto settings = unit->projects().settings(programme_id);
  std::vector<JurorProfile> profiles;
  std::map<Id, std::size_t> juror_index, project_index;
  for (std::size_t j = 0; j < jurors.size(); ++j) {
    profiles.push_back(juror_profile_of(jurors[j]));
    juror_index[jurors[j].user_id] = j;
  }
  for (std::size_t p = 0; p < projects.size(); ++p) project_index[projects[p].id] = p;
  std::vector<JuryAssignment> existing;
  for (const auto& review : unit->jury().reviews(programme_id)) {
    const auto j = juror_index.find(review.user_id);
    const auto p = project_index.find(review.project_id);
    if (j != juror_index.end() && p != project_index.end()) existing.push_back({p->second, j->second});
  }
  const auto plan = diplomado::assign_jurors(jury_projects(*unit, programme_id, projects), profiles, existing,
                                             static_cast<std::size_t>(settings.jurors_per_project));
  const std::string at = format_iso8601(now);
  for (const JuryAssignment& assignment : plan.added) unit->jury().insert_review(projects[assignment.project].id, jurors[assignment.juror].user_id, at);
  AssignmentOutcome outcome;
  outcome.added = static_cast<std::int64_t>(plan.added.size());
  outcome.per_project = settings.jurors_per_project;
  for (const auto& shortfall : plan.short_of_jurors)
    outcome.short_of_jurors.push_back({projects[shortfall.project].id, projects[shortfall.project].team_name, static_cast<std::int64_t>(shortfall.eligible)});
  unit->audit().append({actor.user_id, "jury.assign", "programme", programme_id, json_object("added", outcome.added)}, at);
  unit->commit();
  return outcome;
}

Result<JuryProgress> get_jury_progress(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  JuryProgress progress;
  std::map<Id, std::size_t> project_index, juror_index;
  for (const auto& project : unit->projects().projects(programme_id)) {
    project_index[project.id] = progress.projects.size();
    progress.projects.push_back({project.id, project.team_name, 0, 0});
  }
  for (const auto& juror : unit->jury().jurors(programme_id)) {
    juror_index[juror.user_id] = progress.jurors.size();
    progress.jurors.push_back({juror.user_id, juror.display_name, juror.institution_acronym, 0, 0});
  }
  for (const auto& review : unit->jury().reviews(programme_id)) {
    const bool done = review.submitted_at.has_value();
    if (auto p = project_index.find(review.project_id); p != project_index.end()) {
      ++progress.projects[p->second].assigned;
      progress.projects[p->second].submitted += done ? 1 : 0;
    }
    if (auto j = juror_index.find(review.user_id); j != juror_index.end()) {
      ++progress.jurors[j->second].assigned;
      progress.jurors[j->second].submitted += done ? 1 : 0;
    }
    (done ? progress.reviews_done : progress.reviews_missing) += 1;
  }
  return progress;
}

}  // namespace diplomado::services
