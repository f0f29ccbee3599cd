#include "services/list_participants.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<Page<ParticipantRow>> list_participants(storage::Store& store, const Actor& actor, Id programme_id, const PageRequest& page) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  if (!can_view_participants(actor, programme_id)) return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return unit->programmes().participants(programme_id, page);
}

}  // namespace diplomado::services
