#include "domain/jury.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace diplomado {
namespace {

TEST(Jury, ConflictsAreMembershipInstitutionOrDeclared) {
  const JuryProject project{7, {"ana@senafront.gob.pa", "luis@snm.gob.pa"}, {1, 2}};
  const struct {
    const char* name;
    JurorProfile juror;
    std::optional<ConflictReason> conflict;
  } cases[] = {
      {"a member of the team", {"luis@snm.gob.pa", 9, {}, {}}, ConflictReason::team_member},
      {"same institution as a member", {"eva@inec.gob.pa", 2, {}, {}}, ConflictReason::same_institution},
      {"declared conflict with the team", {"eva@inec.gob.pa", 3, {7}, {}}, ConflictReason::declared_team},
      {"declared conflict with an institution of a member", {"eva@inec.gob.pa", 3, {}, {1}}, ConflictReason::declared_institution},
      {"declared conflict with another team", {"eva@inec.gob.pa", 3, {8}, {5}}, std::nullopt},
      {"no institution on file", {"eva@oim.int", std::nullopt, {}, {}}, std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(conflict_between(c.juror, project), c.conflict) << c.name;
}

TEST(Jury, AssignmentGivesNJurorsWithoutConflictsAndBalancesTheLoad) {
  // Six projects, four jurors, two per project: 12 assignments, 3 each.
  std::vector<JuryProject> projects;
  for (Id t = 1; t <= 6; ++t) projects.push_back({t, {}, {t}});
  std::vector<JurorProfile> jurors{{"a@x", 1, {}, {}}, {"b@x", 2, {}, {}}, {"c@x", std::nullopt, {3}, {}}, {"d@x", 10, {}, {}}};
  const AssignmentPlan plan = assign_jurors(projects, jurors, {}, 2);
  EXPECT_EQ(plan.added.size(), 12u);
  EXPECT_TRUE(plan.short_of_jurors.empty());
  EXPECT_EQ(plan.load, (std::vector<std::size_t>{3, 3, 3, 3}));
  for (const JuryAssignment& assignment : plan.added)
    EXPECT_FALSE(conflict_between(jurors[assignment.juror], projects[assignment.project]))
        << "project " << assignment.project << " juror " << assignment.juror;
}

TEST(Jury, ExistingAssignmentsAreKeptAndShortfallsReported) {
  std::vector<JuryProject> projects{{1, {}, {1}}, {2, {}, {2}}};
  std::vector<JurorProfile> jurors{{"a@x", 1, {}, {}}, {"b@x", 1, {}, {}}, {"c@x", 3, {}, {}}};
  // Project 0 (institution 1) has one eligible juror (c); project 1 has three.
  const AssignmentPlan plan = assign_jurors(projects, jurors, {{1, 2}}, 2);
  ASSERT_EQ(plan.short_of_jurors.size(), 1u);
  EXPECT_EQ(plan.short_of_jurors[0].project, 0u);
  EXPECT_EQ(plan.short_of_jurors[0].eligible, 1u);
  // Project 1 keeps juror 2 and gets one more of the lightest (a, index 0).
  EXPECT_EQ(std::ranges::count_if(plan.added, [](const JuryAssignment& a) { return a.project == 1; }), 1);
  EXPECT_EQ(plan.load[2], 2u);  // c: the existing one plus project 0
}

}  // namespace
}  // namespace diplomado
