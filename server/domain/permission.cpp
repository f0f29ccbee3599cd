#include "domain/permission.hpp"

#include <algorithm>

namespace diplomado {

bool Actor::has_role(Role role, std::optional<Id> programme_id) const {
  return std::ranges::any_of(grants, [&](const RoleGrant& grant) {
    return grant.role == role && (!grant.programme_id || grant.programme_id == programme_id);
  });
}

bool Actor::has_any_role_in(Id programme_id) const {
  return std::ranges::any_of(grants, [&](const RoleGrant& grant) {
    return !grant.programme_id || *grant.programme_id == programme_id;
  });
}

bool Actor::is_site_coordinator() const {
  return std::ranges::any_of(grants, [](const RoleGrant& grant) {
    return grant.role == Role::coordinator && !grant.programme_id;
  });
}

const char* to_string(Permission permission) {
  switch (permission) {
    case Permission::public_access: return "public_access";
    case Permission::signed_in: return "signed_in";
    case Permission::view_programme: return "view_programme";
    case Permission::view_participants: return "view_participants";
    case Permission::manage_programme: return "manage_programme";
    case Permission::manage_site: return "manage_site";
    case Permission::record_teaching: return "record_teaching";
    case Permission::review_projects: return "review_projects";
    case Permission::view_ranking: return "view_ranking";
    case Permission::submit_project: return "submit_project";
    case Permission::view_reports: return "view_reports";
  }
  return "undeclared";
}

bool can_view_programme(const Actor& actor, Id programme_id) { return actor.has_any_role_in(programme_id); }

// Participants' records are personal data (Ley 81 de 2019): only those who work with the people
// see them. Observers (donors) and jurors read aggregates and projects, not the roster.
bool can_view_participants(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::coordinator, programme_id) || actor.has_role(Role::instructor, programme_id) ||
         actor.has_role(Role::group_leader, programme_id);
}

bool can_manage_programme(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::coordinator, programme_id);
}

bool can_manage_site(const Actor& actor) { return actor.is_site_coordinator(); }

// Grades and attendance are recorded by those who teach and those who run the programme.
bool can_record_teaching(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::coordinator, programme_id) || actor.has_role(Role::instructor, programme_id);
}

bool can_see_team_leaders(const Actor& actor, Id programme_id) {
  for (Role role : {Role::coordinator, Role::instructor, Role::juror, Role::group_leader, Role::participant})
    if (actor.has_role(role, programme_id)) return true;
  return false;
}

bool can_teach_module(const Actor& actor, Id programme_id, std::optional<Id> module_id, const std::vector<Id>& assigned_modules) {
  if (actor.has_role(Role::coordinator, programme_id)) return true;
  if (!actor.has_role(Role::instructor, programme_id)) return false;
  if (assigned_modules.empty()) return true;
  return module_id && std::ranges::find(assigned_modules, *module_id) != assigned_modules.end();
}

// A juror scores projects; the use case also checks that the project is assigned to them and
// that no conflict of interest stands.
bool can_review_projects(const Actor& actor, Id programme_id) { return actor.has_role(Role::juror, programme_id); }

// The ranking names teams and shows every juror's scores: those who run the programme and the
// donor, who reads reports, see it; jurors and participants do not.
bool can_view_ranking(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::coordinator, programme_id) || actor.has_role(Role::observer, programme_id);
}

bool can_submit_project(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::participant, programme_id) || actor.has_role(Role::group_leader, programme_id);
}

bool can_view_reports(const Actor& actor, Id programme_id) {
  return actor.has_role(Role::coordinator, programme_id) || actor.has_role(Role::observer, programme_id);
}

bool is_allowed(const Actor& actor, Permission permission, std::optional<Id> programme_id) {
  switch (permission) {
    case Permission::public_access:
    case Permission::signed_in: return true;
    case Permission::view_programme: return programme_id && can_view_programme(actor, *programme_id);
    case Permission::view_participants: return programme_id && can_view_participants(actor, *programme_id);
    case Permission::manage_programme: return programme_id && can_manage_programme(actor, *programme_id);
    case Permission::manage_site: return can_manage_site(actor);
    case Permission::record_teaching: return programme_id && can_record_teaching(actor, *programme_id);
    case Permission::review_projects: return programme_id && can_review_projects(actor, *programme_id);
    case Permission::view_ranking: return programme_id && can_view_ranking(actor, *programme_id);
    case Permission::submit_project: return programme_id && can_submit_project(actor, *programme_id);
    case Permission::view_reports: return programme_id && can_view_reports(actor, *programme_id);
  }
  return false;
}

}  // namespace diplomado
