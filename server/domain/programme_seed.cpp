#include "domain/programme_seed.hpp"


#include <algorithm>
#include <set>

#include "domain/validation.hpp"

namespace diplomado {
namespace {
FieldError seed_problem(std::string field, long row, std::string code, std::string value) {
  return FieldError{std::move(field), row, std::move(code), "error.seed." + code, std::move(value)};
}
}  // namespace

Result<void> check_programme_seed(const ProgrammeSeed& seed) {
  Error error{ErrorCode::invalid_input, "error.invalid_input", {}, std::nullopt};
  if (seed.programme.code.empty()) error.details.push_back(seed_problem("programme.code", 0, "required", ""));
  if (seed.programme.title.es.empty() || seed.programme.title.en.empty())
    error.details.push_back(seed_problem("programme.title", 0, "required", ""));

  std::set<std::string> subdivisions, institutions, teams, people, emails;
  for (const auto& subdivision : seed.subdivisions) subdivisions.insert(subdivision.code);
  for (const auto& institution : seed.institutions) institutions.insert(institution.key);
  for (const auto& team : seed.teams) teams.insert(team.key);

  long row = 0;
  for (const auto& participant : seed.participants) {
    ++row;
    if (!people.insert(participant.key).second) error.details.push_back(seed_problem("participants.key", row, "duplicate", participant.key));
    if (!institutions.contains(participant.institution_key))
      error.details.push_back(seed_problem("participants.institution", row, "unknown_institution", participant.institution_key));
    if (!participant.subdivision_code.empty() && !subdivisions.contains(participant.subdivision_code))
      error.details.push_back(seed_problem("participants.subdivision", row, "unknown_subdivision", participant.subdivision_code));
    if (!participant.team_key.empty() && !teams.contains(participant.team_key))
      error.details.push_back(seed_problem("participants.team", row, "unknown_team", participant.team_key));
    if (!parse_level(participant.level)) error.details.push_back(seed_problem("participants.level", row, "unknown_level", participant.level));
    if (!parse_sex(participant.sex)) error.details.push_back(seed_problem("participants.sex", row, "unknown_sex", participant.sex));
    if (!participant.email.empty() && !is_valid_email(participant.email))
      error.details.push_back(seed_problem("participants.email", row, "invalid_email", participant.email));
    else if (!participant.email.empty() && !emails.insert(normalise_email(participant.email)).second)
      error.details.push_back(seed_problem("participants.email", row, "duplicate", participant.email));
    const auto status = parse_enrollment_status(participant.status);
    if (!status) error.details.push_back(seed_problem("participants.status", row, "unknown_status", participant.status));
    if (status == EnrollmentStatus::withdrawn && participant.withdrawal_reason.empty())
      error.details.push_back(seed_problem("participants.withdrawal_reason", row, "required", participant.key));
  }
  row = 0;
  for (const auto& team : seed.teams) {
    ++row;
    if (team.leader_key.empty()) continue;
    const auto leader = std::ranges::find(seed.participants, team.leader_key, &ParticipantSeed::key);
    if (leader == seed.participants.end() || leader->team_key != team.key)
      error.details.push_back(seed_problem("teams.leader", row, "leader_not_member", team.leader_key));
  }
  if (!error.details.empty()) return std::unexpected(std::move(error));
  return {};
}

}  // namespace diplomado
