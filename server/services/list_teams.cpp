#include "services/list_teams.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<std::shared_ptr<const std::vector<TeamView>>> list_teams(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (auto cached = cache.teams.find(programme_id, unit->data_generation())) return cached;
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  auto teams = std::make_shared<const std::vector<TeamView>>(unit->programmes().teams(programme_id));
  cache.teams.store(programme_id, unit->data_generation(), teams);
  return teams;
}

}  // namespace diplomado::services
