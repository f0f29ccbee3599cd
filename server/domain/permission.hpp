#pragma once
// Permissions as readable predicates on the actor (DESIGN.md §6, after hotcrp's can_view_*).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/role.hpp"

namespace diplomado {

using Id = std::int64_t;

struct RoleGrant {
  Role role;
  std::optional<Id> programme_id;  // empty: the grant holds for every programme (site-wide)
};

struct Actor {
  Id user_id = 0;
  std::string email;
  std::string display_name;
  std::vector<RoleGrant> grants;

  bool has_role(Role role, std::optional<Id> programme_id) const;
  bool has_any_role_in(Id programme_id) const;
  bool is_site_coordinator() const;
};

// What a route or use case needs; every route in the route table names one of these.
enum class Permission {
  public_access,        // anyone, signed in or not
  signed_in,            // any user with a valid session
  view_programme,       // any role in the programme
  view_participants,    // personal data: coordinator, instructor, group leader
  manage_programme,     // coordinator of the programme (or site-wide)
  manage_site,          // site-wide coordinator: reference data shared by every programme
  record_teaching,      // coordinator or instructor of the programme: grades, attendance, gradebook
  review_projects,      // a juror of the programme (each review also checks assignment and conflicts)
  view_ranking,         // coordinator or observer: the ranking and its explanation
  submit_project,       // a participant or group leader of the programme (the use case checks the team)
  view_reports,         // coordinator or observer: the closing indicators (observers: suppressed aggregates only)
};

const char* to_string(Permission permission);

bool can_view_programme(const Actor& actor, Id programme_id);
bool can_view_participants(const Actor& actor, Id programme_id);
bool can_manage_programme(const Actor& actor, Id programme_id);
bool can_manage_site(const Actor& actor);
bool can_record_teaching(const Actor& actor, Id programme_id);
bool can_review_projects(const Actor& actor, Id programme_id);
// Instructors see their modules: one assigned to modules records grades and attendance for those
// only; one assigned to none teaches the whole programme. Coordinators teach every module.
// A programme-wide assessment (no module, such as the pre- and post-test) belongs to no module:
// only coordinators and instructors of the whole programme record it.
bool can_teach_module(const Actor& actor, Id programme_id, std::optional<Id> module_id, const std::vector<Id>& assigned_modules);
bool can_view_ranking(const Actor& actor, Id programme_id);
// Only a team's members write its project; the route refuses everyone else before reading a body.
bool can_submit_project(const Actor& actor, Id programme_id);
// The donor reads the closing report; so do those who run the programme.
bool can_view_reports(const Actor& actor, Id programme_id);

// Who leads each team is shown to those who take part in the programme (the leader is the team's
// contact), not to the donor, who reads aggregates only (issue 15: decided and documented in
// docs/security.md).
bool can_see_team_leaders(const Actor& actor, Id programme_id);

// Checks a permission that depends on a programme (or none, for site-level ones).
bool is_allowed(const Actor& actor, Permission permission, std::optional<Id> programme_id);

}  // namespace diplomado
