#pragma once
// Export a programme's participants with contact data (issue 5, item 4): the coordinator only,
// and every export is in the audit trail, because it takes personal data out of the system.
#include <optional>
#include <vector>

#include "domain/participant_filter.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ParticipantExport {
  std::vector<ParticipantRecord> records;
  // What the programme's country calls its subdivisions, for the export's header ("Provincia o
  // comarca", "Provincia", "Parish").
  LocalizedText subdivision_category;
};

// actor: empty for the CLI.
Result<ParticipantExport> export_participants(storage::Store& store, const std::optional<Actor>& actor, Id programme_id,
                                              const ParticipantFilter& filter, std::string_view format, TimePoint now);

}  // namespace diplomado::services
