#include "services/list_programmes.hpp"

#include <algorithm>

namespace diplomado::services {

Result<std::vector<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  // A grant without a programme holds for every programme (the site coordinator's).
  if (std::ranges::any_of(actor.grants, [](const RoleGrant& grant) { return !grant.programme_id; })) {
    auto all = unit->programmes().list();
    std::erase_if(all, [&](const ProgrammeSummary& programme) { return !can_view_programme(actor, programme.id); });
    return all;
  }
  // Anyone else sees the programmes they hold a role in: read those alone, not every programme
  // on the site (with 1,000 programmes the whole list cost 15 times the read of one).
  std::vector<Id> mine;
  for (const auto& grant : actor.grants)
    if (grant.programme_id && std::ranges::find(mine, *grant.programme_id) == mine.end()) mine.push_back(*grant.programme_id);
  auto programmes = unit->programmes().list_of(mine);
  std::erase_if(programmes, [&](const ProgrammeSummary& programme) { return !can_view_programme(actor, programme.id); });
  return programmes;
}

Result<Id> find_programme_by_code(storage::Store& store, std::string_view code) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (auto id = unit->programmes().find_id_by_code(code)) return *id;
  return std::unexpected(field_error("programme", "unknown_programme", "error.programme.unknown_code", std::string(code)));
}

}  // namespace diplomado::services
