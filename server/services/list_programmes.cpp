#include "services/list_programmes.hpp"

namespace diplomado::services {

Result<std::vector<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto all = unit->programmes().list();
  std::erase_if(all, [&](const ProgrammeSummary& programme) { return !can_view_programme(actor, programme.id); });
  return all;
}

Result<Id> find_programme_by_code(storage::Store& store, std::string_view code) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (auto id = unit->programmes().find_id_by_code(code)) return *id;
  return std::unexpected(field_error("programme", "unknown_programme", "error.programme.unknown_code", std::string(code)));
}

}  // namespace diplomado::services
