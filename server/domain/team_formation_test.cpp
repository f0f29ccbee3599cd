#include "domain/team_formation.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace diplomado {
namespace {

FormationCandidate person(std::uint32_t region, std::uint32_t institution, bool woman, bool national,
                          std::optional<std::uint32_t> fixed = std::nullopt) {
  return FormationCandidate{region, institution, woman, national, fixed};
}

// 24 people in two regions, three institutions in each, women and men, both levels.
std::vector<FormationCandidate> pool() {
  std::vector<FormationCandidate> people;
  for (std::uint32_t i = 0; i < 24; ++i) people.push_back(person(i < 12 ? 0 : 1, (i % 3) + (i < 12 ? 0 : 3), i % 4 < 2, i % 2 == 0));
  return people;
}

TEST(TeamFormation, ATeamsScoreShowsEachCriterionAndTheConstraintsItBreaks) {
  FormationCriteria criteria;
  criteria.min_institutions = 3;
  // Four members: three from region 0; institutions {0, 1}; one woman; both levels.
  const std::vector<FormationCandidate> people{person(0, 0, true, true), person(0, 0, false, false), person(0, 1, false, true),
                                               person(1, 1, false, false)};
  const auto scores = score_teams(people, {0, 0, 0, 0}, 1, criteria);
  const TeamScore& score = scores.at(0);
  EXPECT_DOUBLE_EQ(score.region, 0.75);
  EXPECT_DOUBLE_EQ(score.institutions, 2.0 / 3);
  EXPECT_DOUBLE_EQ(score.gender, 0);
  EXPECT_DOUBLE_EQ(score.level, 1);
  EXPECT_DOUBLE_EQ(score.size, 1);
  EXPECT_NEAR(score.total, (0.75 + 2.0 / 3 + 0 + 1 + 1) / 5, 1e-12);
  EXPECT_EQ(score.broken, (std::vector<TeamConstraint>{TeamConstraint::institutions, TeamConstraint::single_woman}));

  // Size: three members below a minimum of four: 1 − 1/6.
  const auto small = score_teams(people, {0, 0, 0, 1}, 2, criteria);
  EXPECT_NEAR(small[0].size, 1 - 1.0 / 6, 1e-12);
  EXPECT_EQ(small[0].broken.front(), TeamConstraint::size);
}

TEST(TeamFormation, TheSearchMeetsEveryConstraintWhenItCanAndNeverFallsBelowGreedy) {
  FormationCriteria criteria;
  criteria.min_institutions = 3;
  criteria.min_size = 4;
  criteria.max_size = 4;
  const auto people = pool();
  const FormationResult greedy = greedy_teams(people, 6, criteria);
  const FormationResult formed = form_teams(people, 6, criteria, 42);
  EXPECT_GE(formed.worst, greedy.worst);
  EXPECT_TRUE(formed.infeasible.empty());
  for (const TeamScore& score : formed.scores) EXPECT_TRUE(score.broken.empty());
  // Deterministic for a seed.
  EXPECT_EQ(form_teams(people, 6, criteria, 42).team_of, formed.team_of);
}

TEST(TeamFormation, FixedAssignmentsAreKept) {
  FormationCriteria criteria;
  criteria.min_size = 4;
  criteria.max_size = 4;
  auto people = pool();
  people[0].fixed_team = 5;
  people[13].fixed_team = 5;
  people[7].fixed_team = 0;
  const FormationResult formed = form_teams(people, 6, criteria, 7);
  EXPECT_EQ(formed.team_of[0], 5u);
  EXPECT_EQ(formed.team_of[13], 5u);
  EXPECT_EQ(formed.team_of[7], 0u);
}

TEST(TeamFormation, ImpossibleConstraintsAreNamedAndTheClosestArrangementIsStillProposed) {
  FormationCriteria criteria;
  criteria.min_institutions = 3;
  criteria.min_size = 3;
  criteria.max_size = 4;
  // Region 0 has only institutions 0 and 1; region 1 has three.
  std::vector<FormationCandidate> people{person(0, 0, true, true),  person(0, 1, true, false), person(0, 0, false, true),
                                         person(0, 1, false, false), person(1, 2, true, true), person(1, 3, true, false),
                                         person(1, 4, false, true),  person(1, 2, false, false)};
  const FormationResult formed = form_teams(people, 2, criteria, 1);
  ASSERT_EQ(formed.infeasible.size(), 1u);
  EXPECT_EQ(formed.infeasible[0].constraint, TeamConstraint::institutions);
  EXPECT_EQ(formed.infeasible[0].region, 0u);
  EXPECT_EQ(formed.infeasible[0].available, 2);
  EXPECT_EQ(formed.infeasible[0].required, 3);
  EXPECT_EQ(formed.team_of.size(), people.size());

  const auto too_many_teams = find_infeasibilities(people, 3, criteria);  // 3 teams × at least 3 > 8 people
  ASSERT_FALSE(too_many_teams.empty());
  EXPECT_EQ(too_many_teams[0].constraint, TeamConstraint::size);
  EXPECT_EQ(too_many_teams[0].available, 8);
  EXPECT_EQ(too_many_teams[0].required, 9);

  people = {person(0, 0, true, true), person(0, 1, false, true), person(0, 2, false, true)};
  criteria.min_institutions = 1;
  EXPECT_EQ(find_infeasibilities(people, 1, criteria).at(0).constraint, TeamConstraint::single_woman);
}

TEST(TeamFormation, RebalancingAfterAWithdrawalMakesFewMoves) {
  FormationCriteria criteria;
  criteria.min_institutions = 2;
  criteria.min_size = 4;
  criteria.max_size = 5;
  criteria.region_weight = 0;
  auto people = pool();
  const FormationResult formed = form_teams(people, 5, criteria, 3);  // 24 people: sizes 4–5
  for (const TeamScore& score : formed.scores) ASSERT_TRUE(score.broken.empty());
  // Two members of the smallest team withdraw: it falls to two or three.
  std::uint32_t smallest = 0;
  std::vector<int> sizes(5, 0);
  for (std::uint32_t team : formed.team_of) ++sizes[team];
  smallest = static_cast<std::uint32_t>(std::ranges::min_element(sizes) - sizes.begin());
  std::vector<FormationCandidate> remaining;
  std::vector<std::uint32_t> team_of;
  int removed = 0;
  for (std::size_t c = 0; c < people.size(); ++c) {
    if (formed.team_of[c] == smallest && removed < 2) {
      ++removed;
      continue;
    }
    remaining.push_back(people[c]);
    team_of.push_back(formed.team_of[c]);
  }
  const RebalanceResult rebalanced = rebalance_teams(remaining, team_of, 5, criteria);
  EXPECT_GE(rebalanced.moves.size(), 1u);
  EXPECT_LE(rebalanced.moves.size(), 3u);
  for (const TeamScore& score : rebalanced.result.scores) EXPECT_TRUE(score.broken.empty());
  for (const TeamMove& move : rebalanced.moves) EXPECT_EQ(move.to, smallest);
}

}  // namespace
}  // namespace diplomado
