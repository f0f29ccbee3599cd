#include "services/list_teams.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<std::vector<TeamView>> list_teams(storage::Store& store, const Actor& actor, Id programme_id) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return unit->programmes().teams(programme_id);
}

}  // namespace diplomado::services
