// Issue 4's team-formation benchmark: PEOPLE participants (default 1,000) into teams of 5 with
// every criterion (region, at least 3 institutions, no single woman, level mix, size 5–5), the
// group leaders fixed. Goal: under 2 s. Prints the worst team's score beside the plain greedy
// baseline's, which it must never fall below.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "domain/team_formation.hpp"

int main() {
  using namespace diplomado;
  const char* size = std::getenv("PEOPLE");
  const std::size_t people = size ? std::strtoull(size, nullptr, 10) : 1000;
  const std::size_t teams = people / 5;
  std::mt19937 random(20231011);
  std::vector<FormationCandidate> candidates;
  for (std::size_t i = 0; i < people; ++i) {
    FormationCandidate candidate;
    candidate.region = static_cast<std::uint32_t>(random() % 14);
    candidate.institution = static_cast<std::uint32_t>(random() % 40);
    candidate.woman = random() % 100 < 45;
    candidate.national = random() % 100 < 40;
    if (i < teams) candidate.fixed_team = static_cast<std::uint32_t>(i);  // one leader per team
    candidates.push_back(candidate);
  }
  FormationCriteria criteria;
  criteria.min_institutions = 3;
  criteria.min_size = 5;
  criteria.max_size = 5;

  auto time = [](auto&& run) {
    const auto start = std::chrono::steady_clock::now();
    auto result = run();
    return std::pair{std::move(result), std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count()};
  };
  const auto [greedy, greedy_ms] = time([&] { return greedy_teams(candidates, teams, criteria); });
  const auto [formed, formed_ms] = time([&] { return form_teams(candidates, teams, criteria, 42); });
  auto broken = [](const FormationResult& result) {
    std::size_t count = 0;
    for (const TeamScore& score : result.scores) count += score.broken.empty() ? 0 : 1;
    return count;
  };
  std::printf("team formation: %zu people into %zu teams of 5, 14 regions, 40 institutions, leaders fixed\n", people, teams);
  std::printf("  greedy baseline: worst team %.3f, %zu teams breaking a constraint, %.1f ms\n", greedy.worst, broken(greedy), greedy_ms);
  std::printf("  max-min search:  worst team %.3f, %zu teams breaking a constraint, %.1f ms (goal < 2000 ms), %zu improving moves\n",
              formed.worst, broken(formed), formed_ms, formed.improvements);
  return formed_ms < 2000 && formed.worst >= greedy.worst ? 0 : 1;
}
