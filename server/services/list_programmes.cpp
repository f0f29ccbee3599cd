#include "services/list_programmes.hpp"

namespace diplomado::services {

Result<std::vector<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto all = unit->programmes().list();
  std::erase_if(all, [&](const ProgrammeSummary& programme) { return !can_view_programme(actor, programme.id); });
  return all;
}

}  // namespace diplomado::services
