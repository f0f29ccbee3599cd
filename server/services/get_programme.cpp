#include "services/get_programme.hpp"

namespace diplomado::services {

Error programme_not_found() { return make_error(ErrorCode::not_found, "error.programme.not_found"); }

Result<ProgrammeDetail> get_programme(storage::Store& store, const Actor& actor, Id programme_id) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  return ProgrammeDetail{std::move(*programme), unit->programmes().counts(programme_id)};
}

}  // namespace diplomado::services
