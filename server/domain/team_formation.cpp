#include "domain/team_formation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace diplomado {
namespace {

constexpr double epsilon = 1e-12;

// The counts a team's score is computed from, kept up to date as members come and go.
struct TeamState {
  int size = 0, women = 0, national = 0, distinct_institutions = 0;
  std::vector<int> regions;
  std::vector<int> institutions;
};

class Arrangement {
 public:
  Arrangement(const std::vector<FormationCandidate>& candidates, std::size_t team_count, const FormationCriteria& criteria)
      : m_candidates(candidates), m_criteria(criteria), m_teams(team_count) {
    std::uint32_t regions = 0, institutions = 0;
    bool any_national = false, any_local = false;
    for (const FormationCandidate& candidate : candidates) {
      regions = std::max(regions, candidate.region + 1);
      institutions = std::max(institutions, candidate.institution + 1);
      (candidate.national ? any_national : any_local) = true;
    }
    m_both_levels = any_national && any_local;
    for (TeamState& team : m_teams) {
      team.regions.assign(regions, 0);
      team.institutions.assign(institutions, 0);
    }
    m_team_of.assign(candidates.size(), unassigned);
    m_weights = criteria.region_weight + criteria.institutions_weight + criteria.gender_weight + criteria.level_weight + criteria.size_weight;
  }

  static constexpr std::uint32_t unassigned = ~0u;

  void add(std::size_t candidate, std::uint32_t team) {
    change(m_teams[team], m_candidates[candidate], +1);
    m_team_of[candidate] = team;
  }
  void remove(std::size_t candidate) {
    change(m_teams[m_team_of[candidate]], m_candidates[candidate], -1);
    m_team_of[candidate] = unassigned;
  }

  TeamScore score(std::uint32_t team) const { return score_state(m_teams[team]); }
  double total(std::uint32_t team) const { return total_of(m_teams[team]); }
  // The team's total if `leaving` left it and `joining` joined it (either may be absent).
  double total_with(std::uint32_t team, const FormationCandidate* leaving, const FormationCandidate* joining) {
    TeamState& state = m_teams[team];
    if (leaving) change(state, *leaving, -1);
    if (joining) change(state, *joining, +1);
    const double result = total_of(state);
    if (joining) change(state, *joining, -1);
    if (leaving) change(state, *leaving, +1);
    return result;
  }

  // How far the team would be from meeting its constraints if `leaving` left and `joining`
  // joined: the shortfall of each constrained criterion (size, institutions, gender, level).
  double deficit_with(std::uint32_t team, const FormationCandidate* leaving, const FormationCandidate* joining) {
    TeamState& state = m_teams[team];
    if (leaving) change(state, *leaving, -1);
    if (joining) change(state, *joining, +1);
    const TeamScore parts = parts_of(state, false);
    const double result = (1 - parts.size) + (1 - parts.institutions) + (1 - parts.gender) + (1 - parts.level);
    if (joining) change(state, *joining, -1);
    if (leaving) change(state, *leaving, +1);
    return result;
  }

  const std::vector<std::uint32_t>& team_of() const { return m_team_of; }
  std::uint32_t team_of(std::size_t candidate) const { return m_team_of[candidate]; }
  std::size_t team_count() const { return m_teams.size(); }
  int size(std::uint32_t team) const { return m_teams[team].size; }

  FormationResult result() const {
    FormationResult result;
    result.team_of = m_team_of;
    result.worst = m_teams.empty() ? 0 : 1;
    for (std::uint32_t t = 0; t < m_teams.size(); ++t) {
      result.scores.push_back(score(t));
      result.worst = std::min(result.worst, result.scores.back().total);
    }
    return result;
  }

 private:
  static void change(TeamState& team, const FormationCandidate& candidate, int delta) {
    team.size += delta;
    team.women += candidate.woman ? delta : 0;
    team.national += candidate.national ? delta : 0;
    team.regions[candidate.region] += delta;
    int& institution = team.institutions[candidate.institution];
    if (delta > 0 && institution == 0) ++team.distinct_institutions;
    institution += delta;
    if (delta < 0 && institution == 0) --team.distinct_institutions;
  }

  double total_of(const TeamState& team) const {
    const TeamScore parts = parts_of(team, false);
    return parts.total;
  }

  TeamScore score_state(const TeamState& team) const { return parts_of(team, true); }

  TeamScore parts_of(const TeamState& team, bool with_broken) const {
    TeamScore score;
    const FormationCriteria& c = m_criteria;
    if (team.size > 0) {
      const int modal = *std::ranges::max_element(team.regions);
      score.region = static_cast<double>(modal) / team.size;
    }
    score.institutions =
        c.min_institutions <= 0 ? 1.0 : std::min(1.0, static_cast<double>(team.distinct_institutions) / c.min_institutions);
    score.gender = team.women == 1 ? 0.0 : 1.0;
    score.level = (!m_both_levels || (team.national > 0 && team.national < team.size)) ? 1.0 : 0.0;
    if (team.size >= c.min_size && team.size <= c.max_size) {
      score.size = 1;
    } else {
      const int distance = team.size < c.min_size ? c.min_size - team.size : team.size - c.max_size;
      score.size = std::max(0.0, 1.0 - static_cast<double>(distance) / std::max(1, c.max_size));
    }
    score.total = m_weights > 0 ? (c.region_weight * score.region + c.institutions_weight * score.institutions +
                                   c.gender_weight * score.gender + c.level_weight * score.level + c.size_weight * score.size) /
                                      m_weights
                                : 0;
    if (with_broken) {
      if (score.size < 1) score.broken.push_back(TeamConstraint::size);
      if (score.institutions < 1) score.broken.push_back(TeamConstraint::institutions);
      if (score.gender < 1) score.broken.push_back(TeamConstraint::single_woman);
      if (score.level < 1) score.broken.push_back(TeamConstraint::level_mix);
    }
    return score;
  }

  const std::vector<FormationCandidate>& m_candidates;
  const FormationCriteria& m_criteria;
  std::vector<TeamState> m_teams;
  std::vector<std::uint32_t> m_team_of;
  double m_weights = 0;
  bool m_both_levels = false;
};

// Leximin on the two teams that change: better when the lower of the two rises, or it stays
// and the higher rises. Every other team is untouched, so this raises the whole sorted vector.
bool leximin_better(double old_a, double old_b, double new_a, double new_b) {
  const double old_low = std::min(old_a, old_b), new_low = std::min(new_a, new_b);
  if (new_low > old_low + 1e-9) return true;
  if (new_low < old_low - 1e-9) return false;
  return std::max(new_a, new_b) > std::max(old_a, old_b) + 1e-9;
}

void build_greedy(Arrangement& arrangement, const std::vector<FormationCandidate>& candidates, const FormationCriteria& criteria) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
    const bool fixed_a = candidates[a].fixed_team.has_value(), fixed_b = candidates[b].fixed_team.has_value();
    if (fixed_a != fixed_b) return fixed_a;
    return candidates[a].region < candidates[b].region;
  });
  for (std::size_t candidate : order) {
    if (candidates[candidate].fixed_team && *candidates[candidate].fixed_team < arrangement.team_count()) {
      arrangement.add(candidate, *candidates[candidate].fixed_team);
      continue;
    }
    std::uint32_t best = 0;
    double best_total = -1;
    bool best_full = true;
    for (std::uint32_t t = 0; t < arrangement.team_count(); ++t) {
      const bool full = arrangement.size(t) >= criteria.max_size;
      const double total = arrangement.total_with(t, nullptr, &candidates[candidate]);
      // Prefer a team with room; among those, the best total; then the smaller team.
      const bool better = (best_full && !full) ||
                          (full == best_full && (total > best_total + epsilon ||
                                                 (std::fabs(total - best_total) <= epsilon && arrangement.size(t) < arrangement.size(best))));
      if (better) {
        best = t;
        best_total = total;
        best_full = full;
      }
    }
    arrangement.add(candidate, best);
  }
}

// Moves and swaps until none raises the leximin order. Returns how many were made.
std::size_t local_search(Arrangement& arrangement, const std::vector<FormationCandidate>& candidates, std::mt19937_64& random,
                         std::size_t budget) {
  const std::size_t teams = arrangement.team_count();
  std::vector<std::vector<std::size_t>> members(teams);
  auto rebuild_members = [&] {
    for (auto& list : members) list.clear();
    for (std::size_t c = 0; c < candidates.size(); ++c) members[arrangement.team_of(c)].push_back(c);
  };
  rebuild_members();
  std::vector<double> totals(teams);
  for (std::uint32_t t = 0; t < teams; ++t) totals[t] = arrangement.total(t);
  std::vector<std::uint32_t> team_order(teams), others(teams);
  std::iota(others.begin(), others.end(), 0u);
  std::size_t improvements = 0, evaluations = 0;
  bool improved = true;
  while (improved && evaluations < budget) {
    improved = false;
    std::iota(team_order.begin(), team_order.end(), 0u);
    std::ranges::stable_sort(team_order, [&](std::uint32_t a, std::uint32_t b) { return totals[a] < totals[b]; });
    std::ranges::shuffle(others, random);
    for (std::uint32_t a : team_order) {
      for (std::size_t xi = 0; xi < members[a].size() && !improved; ++xi) {
        const std::size_t x = members[a][xi];
        if (candidates[x].fixed_team) continue;
        for (std::uint32_t b : others) {
          if (b == a) continue;
          // Move x from a to b.
          ++evaluations;
          double new_a = arrangement.total_with(a, &candidates[x], nullptr);
          double new_b = arrangement.total_with(b, nullptr, &candidates[x]);
          if (leximin_better(totals[a], totals[b], new_a, new_b)) {
            arrangement.remove(x);
            arrangement.add(x, b);
            totals[a] = new_a;
            totals[b] = new_b;
            improved = true;
            break;
          }
          // Swap x with each y of b.
          for (std::size_t y : members[b]) {
            if (candidates[y].fixed_team) continue;
            ++evaluations;
            new_a = arrangement.total_with(a, &candidates[x], &candidates[y]);
            new_b = arrangement.total_with(b, &candidates[y], &candidates[x]);
            if (leximin_better(totals[a], totals[b], new_a, new_b)) {
              arrangement.remove(x);
              arrangement.remove(y);
              arrangement.add(x, b);
              arrangement.add(y, a);
              totals[a] = new_a;
              totals[b] = new_b;
              improved = true;
              break;
            }
          }
          if (improved) break;
        }
      }
      if (improved) {
        ++improvements;
        rebuild_members();
        break;
      }
    }
  }
  return improvements;
}

// The sorted team totals, worst first: the order in which arrangements are compared.
std::vector<double> sorted_totals(const FormationResult& result) {
  std::vector<double> totals;
  for (const TeamScore& score : result.scores) totals.push_back(score.total);
  std::ranges::sort(totals);
  return totals;
}

bool leximin_better(const FormationResult& a, const FormationResult& b) {
  const std::vector<double> ta = sorted_totals(a), tb = sorted_totals(b);
  for (std::size_t i = 0; i < ta.size() && i < tb.size(); ++i) {
    if (ta[i] > tb[i] + 1e-9) return true;
    if (ta[i] < tb[i] - 1e-9) return false;
  }
  return false;
}

}  // namespace

std::string_view to_string(TeamConstraint constraint) {
  switch (constraint) {
    case TeamConstraint::size: return "size";
    case TeamConstraint::institutions: return "institutions";
    case TeamConstraint::single_woman: return "single_woman";
    case TeamConstraint::level_mix: return "level_mix";
  }
  return "size";
}

std::vector<Infeasibility> find_infeasibilities(const std::vector<FormationCandidate>& candidates, std::size_t team_count,
                                                const FormationCriteria& criteria) {
  std::vector<Infeasibility> found;
  const int people = static_cast<int>(candidates.size()), teams = static_cast<int>(team_count);
  if (teams == 0 || teams * criteria.min_size > people || teams * criteria.max_size < people)
    found.push_back({TeamConstraint::size, std::nullopt, people, teams * (teams * criteria.min_size > people ? criteria.min_size : criteria.max_size)});

  std::vector<std::vector<std::uint32_t>> institutions_by_region;
  std::vector<std::uint32_t> all_institutions;
  int women = 0;
  for (const FormationCandidate& candidate : candidates) {
    if (candidate.region >= institutions_by_region.size()) institutions_by_region.resize(candidate.region + 1);
    institutions_by_region[candidate.region].push_back(candidate.institution);
    all_institutions.push_back(candidate.institution);
    women += candidate.woman ? 1 : 0;
  }
  auto distinct = [](std::vector<std::uint32_t> values) {
    std::ranges::sort(values);
    return static_cast<int>(std::ranges::distance(values.begin(), std::unique(values.begin(), values.end())));
  };
  if (criteria.institutions_weight > 0 && distinct(all_institutions) < criteria.min_institutions) {
    found.push_back({TeamConstraint::institutions, std::nullopt, distinct(all_institutions), criteria.min_institutions});
  } else if (criteria.institutions_weight > 0 && criteria.region_weight > 0) {
    // A team drawn from one region alone cannot be more diverse than the region.
    for (std::uint32_t region = 0; region < institutions_by_region.size(); ++region) {
      const auto& list = institutions_by_region[region];
      if (list.empty()) continue;
      const int available = distinct(list);
      if (available < criteria.min_institutions) found.push_back({TeamConstraint::institutions, region, available, criteria.min_institutions});
    }
  }
  if (criteria.gender_weight > 0 && women == 1) found.push_back({TeamConstraint::single_woman, std::nullopt, women, 2});
  return found;
}

std::vector<TeamScore> score_teams(const std::vector<FormationCandidate>& candidates, const std::vector<std::uint32_t>& team_of,
                                   std::size_t team_count, const FormationCriteria& criteria) {
  Arrangement arrangement(candidates, team_count, criteria);
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (team_of[c] < team_count) arrangement.add(c, team_of[c]);
  return arrangement.result().scores;
}

FormationResult greedy_teams(const std::vector<FormationCandidate>& candidates, std::size_t team_count, const FormationCriteria& criteria) {
  Arrangement arrangement(candidates, team_count, criteria);
  if (team_count > 0) build_greedy(arrangement, candidates, criteria);
  FormationResult result = arrangement.result();
  result.infeasible = find_infeasibilities(candidates, team_count, criteria);
  return result;
}

FormationResult form_teams(const std::vector<FormationCandidate>& candidates, std::size_t team_count, const FormationCriteria& criteria,
                           std::uint64_t seed) {
  if (team_count == 0) return greedy_teams(candidates, team_count, criteria);
  std::mt19937_64 random(seed);
  // Each search may look at about 400 times as many moves as there are people (squared), and
  // the perturbations get a share too, so 1,000 people stay well under two seconds.
  const std::size_t budget = std::max<std::size_t>(200000, candidates.size() * candidates.size() * 4);
  Arrangement arrangement(candidates, team_count, criteria);
  build_greedy(arrangement, candidates, criteria);
  FormationResult best = arrangement.result();
  best.improvements = local_search(arrangement, candidates, random, budget);
  best = [&] {
    FormationResult result = arrangement.result();
    result.improvements = best.improvements;
    return result;
  }();

  // Perturb: a few random swaps of free candidates, search again, keep only what ends better.
  std::vector<std::size_t> free_candidates;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (!candidates[c].fixed_team) free_candidates.push_back(c);
  const int rounds = candidates.size() <= 200 ? 12 : 3;
  for (int round = 0; round < rounds && free_candidates.size() >= 2; ++round) {
    Arrangement trial(candidates, team_count, criteria);
    for (std::size_t c = 0; c < candidates.size(); ++c) trial.add(c, best.team_of[c]);
    const std::size_t swaps = std::max<std::size_t>(2, free_candidates.size() / 20);
    std::uniform_int_distribution<std::size_t> pick(0, free_candidates.size() - 1);
    for (std::size_t s = 0; s < swaps; ++s) {
      const std::size_t x = free_candidates[pick(random)], y = free_candidates[pick(random)];
      const std::uint32_t tx = trial.team_of(x), ty = trial.team_of(y);
      if (tx == ty) continue;
      trial.remove(x);
      trial.remove(y);
      trial.add(x, ty);
      trial.add(y, tx);
    }
    const std::size_t made = local_search(trial, candidates, random, budget / 4);
    FormationResult candidate = trial.result();
    if (leximin_better(candidate, best)) {
      candidate.improvements = best.improvements + made;
      best = std::move(candidate);
    }
  }
  best.infeasible = find_infeasibilities(candidates, team_count, criteria);
  return best;
}

RebalanceResult rebalance_teams(const std::vector<FormationCandidate>& candidates, const std::vector<std::uint32_t>& team_of,
                                std::size_t team_count, const FormationCriteria& criteria) {
  Arrangement arrangement(candidates, team_count, criteria);
  for (std::size_t c = 0; c < candidates.size(); ++c) arrangement.add(c, std::min<std::uint32_t>(team_of[c], static_cast<std::uint32_t>(team_count - 1)));
  RebalanceResult rebalance;
  // Each step takes the single move that most reduces how far the teams are from their
  // constraints (ties: the one that leaves the worse of the two teams best); it stops when no
  // move reduces it, so teams that were fine are left alone and nothing moves for a mere gain in
  // score. Every move strictly reduces the shortfall, so the loop ends.
  for (std::size_t step = 0; step < candidates.size(); ++step) {
    std::optional<TeamMove> best;
    double best_repair = 0, best_low = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      if (candidates[c].fixed_team) continue;
      const std::uint32_t a = arrangement.team_of(c);
      const double before_a = arrangement.deficit_with(a, nullptr, nullptr);
      const double after_a = arrangement.deficit_with(a, &candidates[c], nullptr);
      for (std::uint32_t b = 0; b < team_count; ++b) {
        if (b == a) continue;
        const double repair = before_a + arrangement.deficit_with(b, nullptr, nullptr) - after_a - arrangement.deficit_with(b, nullptr, &candidates[c]);
        if (repair <= 1e-9 || repair < best_repair - 1e-9) continue;
        const double low = std::min(arrangement.total_with(a, &candidates[c], nullptr), arrangement.total_with(b, nullptr, &candidates[c]));
        if (!best || repair > best_repair + 1e-9 || low > best_low + 1e-9) {
          best = TeamMove{c, a, b};
          best_repair = repair;
          best_low = low;
        }
      }
    }
    if (!best) break;
    arrangement.remove(best->candidate);
    arrangement.add(best->candidate, best->to);
    rebalance.moves.push_back(*best);
  }
  rebalance.result = arrangement.result();
  rebalance.result.infeasible = find_infeasibilities(candidates, team_count, criteria);
  return rebalance;
}

}  // namespace diplomado
