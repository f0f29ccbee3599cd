#include "services/export_participants.hpp"
#include "json/json_writer.hpp"

#include "domain/programme_rules.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {

Result<ParticipantExport> export_participants(storage::Store& store, const std::optional<Actor>& actor, Id programme_id,
                                              const ParticipantFilter& filter, std::string_view format, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  ParticipantExport exported{unit->programmes().participant_records(programme_id, filter),
                             subdivision_category(unit->people().subdivision_kinds(programme->country))};
  const auto& records = exported.records;
  unit->audit().append({actor ? std::optional<Id>(actor->user_id) : std::nullopt, "participants.export", "programme", programme_id,
                        json_object("format", format, "rows", records.size())},
                       format_iso8601(now));
  unit->commit();
  return exported;
}

}  // namespace diplomado::services
