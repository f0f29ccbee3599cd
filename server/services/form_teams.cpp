#include "services/form_teams.hpp"
#include "json/json_writer.hpp"

#include <algorithm>
#include <map>

#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

std::vector<FieldError> check_criteria(const FormationCriteria& criteria) {
  std::vector<FieldError> errors;
  const std::pair<const char*, double> weights[] = {{"region_weight", criteria.region_weight},
                                                   {"institutions_weight", criteria.institutions_weight},
                                                   {"gender_weight", criteria.gender_weight},
                                                   {"level_weight", criteria.level_weight},
                                                   {"size_weight", criteria.size_weight}};
  double sum = 0;
  for (const auto& [name, weight] : weights) {
    if (!(weight >= 0) || weight > 1000) errors.push_back({name, std::nullopt, "negative", "error.grading.negative_weight", std::to_string(weight)});
    else sum += weight;
  }
  if (errors.empty() && !(sum > 0)) errors.push_back({"weights", std::nullopt, "weights_sum", "error.rubric.weights_sum", {}});
  if (criteria.min_size < 1 || criteria.max_size < criteria.min_size || criteria.max_size > 100)
    errors.push_back({"max_size", std::nullopt, "size_range", "error.teams.size_range", std::to_string(criteria.min_size) + "–" + std::to_string(criteria.max_size)});
  if (criteria.min_institutions < 0 || criteria.min_institutions > 50)
    errors.push_back({"min_institutions", std::nullopt, "out_of_range", "error.teams.min_institutions", std::to_string(criteria.min_institutions)});
  return errors;
}

TeamView find_team(storage::UnitOfWork& unit, Id programme_id, Id team_id) {
  for (auto& team : unit.programmes().teams(programme_id))
    if (team.id == team_id) return team;
  return {};
}

}  // namespace

Result<FormationProposal> propose_teams(storage::Store& store, const Actor& actor, Id programme_id, const FormationRequest& request) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_criteria(request.criteria); !errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto teams = unit->programmes().teams(programme_id);
  if (teams.empty()) return std::unexpected(field_error("teams", "none", "error.teams.none"));
  std::map<Id, std::uint32_t> team_index;
  std::map<Id, Id> leader_team;
  for (std::uint32_t t = 0; t < teams.size(); ++t) {
    team_index[teams[t].id] = t;
    if (teams[t].leader_enrollment_id) leader_team[*teams[t].leader_enrollment_id] = teams[t].id;
  }

  std::vector<ParticipantRecord> people;
  for (auto& record : unit->programmes().participant_records(programme_id, ParticipantFilter{}))
    if (record.row.status != EnrollmentStatus::withdrawn) people.push_back(std::move(record));
  std::map<std::string, std::uint32_t> regions;
  std::map<Id, std::uint32_t> institutions;
  std::map<std::uint32_t, std::string> region_names;
  std::vector<FormationCandidate> candidates;
  std::vector<std::uint32_t> current;
  for (const auto& person : people) {
    FormationCandidate candidate;
    candidate.region = regions.try_emplace(person.row.subdivision.code, static_cast<std::uint32_t>(regions.size())).first->second;
    region_names[candidate.region] = person.row.subdivision.name;
    candidate.institution = institutions.try_emplace(person.row.institution.id, static_cast<std::uint32_t>(institutions.size())).first->second;
    candidate.woman = person.row.sex == "female";
    candidate.national = person.row.level == "national";
    const auto leader = leader_team.find(person.row.enrollment_id);
    const bool kept = std::ranges::find(request.keep, person.row.enrollment_id) != request.keep.end();
    if (leader != leader_team.end()) candidate.fixed_team = team_index.at(leader->second);
    else if (kept && person.row.team_id && team_index.contains(*person.row.team_id)) candidate.fixed_team = team_index.at(*person.row.team_id);
    candidates.push_back(candidate);
    // Someone without a team starts in the smallest team, for a rebalance.
    current.push_back(person.row.team_id && team_index.contains(*person.row.team_id) ? team_index.at(*person.row.team_id) : ~0u);
  }

  FormationResult result;
  FormationProposal proposal;
  proposal.greedy_worst = greedy_teams(candidates, teams.size(), request.criteria).worst;
  if (request.mode == FormationMode::form) {
    result = form_teams(candidates, teams.size(), request.criteria, request.seed);
  } else {
    std::vector<int> sizes(teams.size(), 0);
    for (std::uint32_t team : current)
      if (team != ~0u) ++sizes[team];
    for (std::uint32_t& team : current)
      if (team == ~0u) {
        team = static_cast<std::uint32_t>(std::ranges::min_element(sizes) - sizes.begin());
        ++sizes[team];
      }
    RebalanceResult rebalanced = rebalance_teams(candidates, current, teams.size(), request.criteria);
    result = std::move(rebalanced.result);
  }
  proposal.worst = result.worst;
  for (std::uint32_t t = 0; t < teams.size(); ++t)
    proposal.teams.push_back({teams[t].id, teams[t].name, teams[t].region.code, teams[t].region.name, result.scores[t], {}});
  for (std::size_t c = 0; c < people.size(); ++c) {
    const auto& row = people[c].row;
    const Id to = teams[result.team_of[c]].id;
    ProposedMember member{row.enrollment_id,
                          row.given_names + " " + row.family_names,
                          row.institution.acronym.empty() ? row.institution.name.es : row.institution.acronym,
                          row.subdivision.code,
                          row.sex,
                          row.level,
                          leader_team.contains(row.enrollment_id),
                          candidates[c].fixed_team.has_value(),
                          row.team_id};
    if (row.team_id != to) proposal.moves.push_back({row.enrollment_id, member.name, row.team_id.value_or(0), to});
    proposal.teams[result.team_of[c]].members.push_back(std::move(member));
  }
  for (const Infeasibility& impossible : result.infeasible) {
    FormationProposal::Impossible entry{std::string(to_string(impossible.constraint)), {}, {}, impossible.available, impossible.required};
    if (impossible.region)
      for (const auto& [code, index] : regions)
        if (index == *impossible.region) {
          entry.region_code = code;
          entry.region_name = region_names[index];
        }
    proposal.impossible.push_back(std::move(entry));
  }
  return proposal;
}

Result<std::int64_t> apply_teams(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<TeamAssignment>& assignments,
                                 TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto teams = unit->programmes().teams(programme_id);
  std::map<Id, std::optional<Id>> enrolled;
  for (const auto& record : unit->programmes().participant_records(programme_id, ParticipantFilter{})) enrolled[record.row.enrollment_id] = record.row.team_id;
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  long row = 0;
  for (const auto& assignment : assignments) {
    ++row;
    if (!enrolled.contains(assignment.enrollment_id))
      invalid.details.push_back({"enrollment_id", row, "unknown", "error.not_found", std::to_string(assignment.enrollment_id)});
    if (std::ranges::find(teams, assignment.team_id, &TeamView::id) == teams.end())
      invalid.details.push_back({"team_id", row, "unknown", "error.team.unknown", std::to_string(assignment.team_id)});
  }
  if (!invalid.details.empty()) return std::unexpected(invalid);
  std::int64_t moved = 0;
  for (const auto& assignment : assignments) {
    if (enrolled[assignment.enrollment_id] == assignment.team_id) continue;
    unit->programmes().set_enrollment_team(assignment.enrollment_id, assignment.team_id);
    ++moved;
  }
  unit->audit().append({actor.user_id, "team.apply", "programme", programme_id, json_object("moved", moved)}, format_iso8601(now));
  unit->commit();
  return moved;
}

Result<TeamView> update_team(storage::Store& store, const Actor& actor, Id programme_id, Id team_id, const TeamChange& change, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (change.name.empty() || change.name.size() > 200) return std::unexpected(field_error("name", "required", "error.field.required"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (find_team(*unit, programme_id, team_id).id == 0) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  if (change.leader_enrollment_id) {
    const auto record = unit->programmes().participant(programme_id, *change.leader_enrollment_id);
    if (!record || record->row.team_id != team_id || record->row.status == EnrollmentStatus::withdrawn)
      return std::unexpected(field_error("leader_enrollment_id", "not_member", "error.teams.leader_not_member", std::to_string(*change.leader_enrollment_id)));
  }
  if (!change.region_code.empty()) {
    const auto programme = unit->programmes().find(programme_id);
    const auto places = unit->people().subdivision_candidates(programme ? programme->country : "");
    if (std::ranges::none_of(places, [&](const auto& place) { return place.code == change.region_code; }))
      return std::unexpected(field_error("region_code", "unknown", "error.import.unknown_subdivision", change.region_code));
  }
  const std::optional<std::string> region = change.region_code.empty() ? std::nullopt : std::optional<std::string>(change.region_code);
  if (!unit->programmes().update_team(team_id, change.name, region, change.leader_enrollment_id, change.expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.teams.stale"));
  unit->audit().append({actor.user_id, "team.update", "team", team_id, "{}"}, format_iso8601(now));
  auto team = find_team(*unit, programme_id, team_id);
  unit->commit();
  return team;
}

Result<TeamView> create_team(storage::Store& store, const Actor& actor, Id programme_id, const std::string& name, const std::string& region_code,
                             TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (name.empty() || name.size() > 200) return std::unexpected(field_error("name", "required", "error.field.required"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto teams = unit->programmes().teams(programme_id);
  if (std::ranges::find(teams, name, &TeamView::name) != teams.end())
    return std::unexpected(field_error("name", "duplicate", "error.teams.duplicate", name));
  if (!region_code.empty()) {
    const auto programme = unit->programmes().find(programme_id);
    const auto places = unit->people().subdivision_candidates(programme ? programme->country : "");
    if (std::ranges::none_of(places, [&](const auto& place) { return place.code == region_code; }))
      return std::unexpected(field_error("region_code", "unknown", "error.import.unknown_subdivision", region_code));
  }
  const Id id = unit->programmes().insert_team(programme_id, TeamSeed{"", name, region_code, ""});
  unit->audit().append({actor.user_id, "team.create", "team", id, "{}"}, format_iso8601(now));
  auto team = find_team(*unit, programme_id, id);
  unit->commit();
  return team;
}

}  // namespace diplomado::services
