#include "domain/permission.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {
Actor actor_with(std::vector<RoleGrant> grants) { return Actor{1, "a@b.pa", "A", std::move(grants)}; }
}  // namespace

TEST(Permission, TableOfRolesAgainstProgrammeScopedPermissions) {
  struct Case {
    const char* name;
    std::vector<RoleGrant> grants;
    bool view_programme;
    bool view_participants;
    bool manage_programme;
  };
  const Id programme = 7;
  const std::vector<Case> cases{
      {"site coordinator", {{Role::coordinator, std::nullopt}}, true, true, true},
      {"programme coordinator", {{Role::coordinator, programme}}, true, true, true},
      {"coordinator of another programme", {{Role::coordinator, 8}}, false, false, false},
      {"instructor", {{Role::instructor, programme}}, true, true, false},
      {"group leader", {{Role::group_leader, programme}}, true, true, false},
      {"juror", {{Role::juror, programme}}, true, false, false},
      {"participant", {{Role::participant, programme}}, true, false, false},
      {"observer (donor)", {{Role::observer, programme}}, true, false, false},
      {"site-wide observer", {{Role::observer, std::nullopt}}, true, false, false},
      {"no grants", {}, false, false, false},
  };
  for (const auto& c : cases) {
    const auto actor = actor_with(c.grants);
    EXPECT_EQ(can_view_programme(actor, programme), c.view_programme) << c.name;
    EXPECT_EQ(can_view_participants(actor, programme), c.view_participants) << c.name;
    EXPECT_EQ(can_manage_programme(actor, programme), c.manage_programme) << c.name;
    EXPECT_EQ(is_allowed(actor, Permission::view_participants, programme), c.view_participants) << c.name;
  }
}

TEST(Permission, InstructorsTeachTheirModulesOrTheWholeProgrammeAndJurorsAndObserversHaveTheirOwn) {
  const Id programme = 7, module = 41, other_module = 42;
  const struct {
    const char* name;
    std::vector<RoleGrant> grants;
    std::vector<Id> assigned;
    bool teaches_module;
    bool teaches_programme_wide;  // an assessment of no module: the pre- and post-test
    bool reviews;
    bool ranking;
    bool submits;
  } cases[] = {
      {"coordinator", {{Role::coordinator, programme}}, {}, true, true, false, true, false},
      {"instructor of no module in particular", {{Role::instructor, programme}}, {}, true, true, false, false, false},
      {"instructor of this module", {{Role::instructor, programme}}, {module}, true, false, false, false, false},
      {"instructor of another module", {{Role::instructor, programme}}, {other_module}, false, false, false, false, false},
      {"instructor of another programme", {{Role::instructor, 8}}, {}, false, false, false, false, false},
      {"juror", {{Role::juror, programme}}, {}, false, false, true, false, false},
      {"observer (donor)", {{Role::observer, programme}}, {}, false, false, false, true, false},
      {"participant", {{Role::participant, programme}}, {}, false, false, false, false, true},
      {"group leader", {{Role::group_leader, programme}}, {}, false, false, false, false, true},
      {"participant of another programme", {{Role::participant, 8}}, {}, false, false, false, false, false},
  };
  for (const auto& c : cases) {
    const auto actor = actor_with(c.grants);
    EXPECT_EQ(can_teach_module(actor, programme, module, c.assigned), c.teaches_module) << c.name;
    EXPECT_EQ(can_teach_module(actor, programme, std::nullopt, c.assigned), c.teaches_programme_wide) << c.name;
    EXPECT_EQ(is_allowed(actor, Permission::review_projects, programme), c.reviews) << c.name;
    EXPECT_EQ(is_allowed(actor, Permission::view_ranking, programme), c.ranking) << c.name;
    // The closing report goes to the same people as the ranking: those who run it and the donor.
    EXPECT_EQ(is_allowed(actor, Permission::view_reports, programme), c.ranking) << c.name;
    EXPECT_EQ(is_allowed(actor, Permission::submit_project, programme), c.submits) << c.name;
  }
}

TEST(Permission, ProgrammeScopedPermissionsNeedAProgramme) {
  const auto actor = actor_with({{Role::coordinator, std::nullopt}});
  EXPECT_FALSE(is_allowed(actor, Permission::view_programme, std::nullopt));
  EXPECT_TRUE(is_allowed(actor, Permission::signed_in, std::nullopt));
  EXPECT_TRUE(can_manage_site(actor));
  EXPECT_FALSE(can_manage_site(actor_with({{Role::coordinator, 3}})));
}

}  // namespace diplomado
