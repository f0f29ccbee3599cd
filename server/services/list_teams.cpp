#include "services/list_teams.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<std::shared_ptr<const std::vector<TeamView>>> list_teams(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto teams = cache.teams.find(programme_id, unit->data_generation());
  if (!teams) {
    if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
    teams = std::make_shared<const std::vector<TeamView>>(unit->programmes().teams(programme_id));
    cache.teams.store(programme_id, unit->data_generation(), teams);
  }
  if (can_see_team_leaders(actor, programme_id)) return teams;
  // The donor: the teams, their regions and sizes, no person's name.
  auto without_names = std::make_shared<std::vector<TeamView>>(*teams);
  for (auto& team : *without_names) {
    team.leader_name.clear();
    team.leader_enrollment_id.reset();
    team.leader_institution_acronym.clear();
  }
  return std::shared_ptr<const std::vector<TeamView>>(std::move(without_names));
}

}  // namespace diplomado::services
