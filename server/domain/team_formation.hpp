#pragma once
// Team formation (issue 4): weighted criteria, a score per team with each criterion's share and
// the constraints it breaks, a max-min heuristic with local search (deterministic for a seed),
// the plain greedy baseline it must never fall below, and rebalancing after a withdrawal with
// few moves.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace diplomado {

struct FormationCandidate {
  std::uint32_t region = 0;       // index of the province or comarca
  std::uint32_t institution = 0;  // index of the institution
  bool woman = false;
  bool national = false;                   // national level; otherwise local
  std::optional<std::uint32_t> fixed_team;  // kept where it is (group leaders, choices by hand)
};

struct FormationCriteria {
  double region_weight = 1;        // same province/region (homogeneous)
  double institutions_weight = 1;  // at least min_institutions distinct institutions (diverse)
  double gender_weight = 1;        // no team with exactly one woman
  double level_weight = 1;         // national and local levels mixed
  double size_weight = 1;          // size within [min_size, max_size]
  int min_institutions = 2;
  int min_size = 4;
  int max_size = 6;
};

enum class TeamConstraint { size, institutions, single_woman, level_mix };
std::string_view to_string(TeamConstraint constraint);

// Each criterion from 0 to 1, and the total: Σ weight × criterion / Σ weight.
//   region: share of members from the team's most common region;
//   institutions: min(1, distinct / min_institutions);
//   gender: 0 with exactly one woman, else 1;
//   level: 1 when both levels are present (or the pool has only one level), else 0;
//   size: 1 within the range, else 1 − distance / max_size (not below 0).
struct TeamScore {
  double total = 0;
  double region = 0, institutions = 0, gender = 0, level = 0, size = 0;
  std::vector<TeamConstraint> broken;
};

// A constraint no arrangement can meet, found before the search; the result is then the closest
// arrangement the search finds.
struct Infeasibility {
  TeamConstraint constraint = TeamConstraint::size;
  std::optional<std::uint32_t> region;  // the region where it cannot hold, if it is regional
  int available = 0;                    // what there is (people, institutions, women)
  int required = 0;                     // what the constraint asks
};

struct FormationResult {
  std::vector<std::uint32_t> team_of;  // per candidate
  std::vector<TeamScore> scores;       // per team
  double worst = 0;                    // the lowest team total: the objective
  std::vector<Infeasibility> infeasible;
  std::size_t improvements = 0;        // moves and swaps the local search made
};

std::vector<Infeasibility> find_infeasibilities(const std::vector<FormationCandidate>& candidates, std::size_t team_count,
                                                const FormationCriteria& criteria);

// Scores an arrangement as it stands.
std::vector<TeamScore> score_teams(const std::vector<FormationCandidate>& candidates, const std::vector<std::uint32_t>& team_of,
                                   std::size_t team_count, const FormationCriteria& criteria);

// The plain greedy baseline: candidates by region, each into the team (below the maximum size)
// whose score is highest with them in it, the fixed ones first.
FormationResult greedy_teams(const std::vector<FormationCandidate>& candidates, std::size_t team_count, const FormationCriteria& criteria);

// Greedy, then local search (moves and swaps of candidates not fixed, accepted when they raise
// the sorted vector of team scores, worst first: leximin, so the worst team never gets worse),
// then a few seeded perturbations kept only when they end better. Never below greedy_teams.
FormationResult form_teams(const std::vector<FormationCandidate>& candidates, std::size_t team_count, const FormationCriteria& criteria,
                           std::uint64_t seed);

struct TeamMove {
  std::size_t candidate = 0;
  std::uint32_t from = 0;
  std::uint32_t to = 0;
};
struct RebalanceResult {
  std::vector<TeamMove> moves;
  FormationResult result;
};
// After a withdrawal: from the current arrangement, repeats the single move that most reduces the
// teams' shortfall on their constraints (size, institutions, gender, level), and stops when no
// move reduces it, so the arrangement changes as little as possible (greedy: each move is chosen
// for what it repairs, not for a gain in score).
RebalanceResult rebalance_teams(const std::vector<FormationCandidate>& candidates, const std::vector<std::uint32_t>& team_of,
                                std::size_t team_count, const FormationCriteria& criteria);

}  // namespace diplomado
