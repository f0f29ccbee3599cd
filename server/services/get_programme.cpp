#include "services/get_programme.hpp"

#include "domain/programme_rules.hpp"

namespace diplomado::services {

Error programme_not_found() { return make_error(ErrorCode::not_found, "error.programme.not_found"); }

Result<std::shared_ptr<const ProgrammeDetail>> get_programme(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (auto cached = cache.programmes.find(programme_id, unit->data_generation())) return cached;
  auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  auto category = subdivision_category(unit->people().subdivision_kinds(programme->country));
  auto detail = std::make_shared<const ProgrammeDetail>(ProgrammeDetail{std::move(*programme), unit->programmes().counts(programme_id), std::move(category)});
  cache.programmes.store(programme_id, unit->data_generation(), detail);
  return detail;
}

std::optional<Error> refuse(const std::optional<Actor>& actor, Id programme_id, Permission needed) {
  if (!actor) return std::nullopt;
  if (!can_view_programme(*actor, programme_id)) return programme_not_found();
  if (!is_allowed(*actor, needed, programme_id)) return make_error(ErrorCode::forbidden, "error.forbidden");
  return std::nullopt;
}

}  // namespace diplomado::services
