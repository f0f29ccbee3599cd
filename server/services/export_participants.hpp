#pragma once
// Export a programme's participants with contact data (issue 5, item 4): the coordinator only,
// and every export is in the audit trail, because it takes personal data out of the system.
#include <optional>
#include <vector>

#include "domain/participant_filter.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// actor: empty for the CLI.
Result<std::vector<ParticipantRecord>> export_participants(storage::Store& store, const std::optional<Actor>& actor, Id programme_id,
                                                           const ParticipantFilter& filter, std::string_view format, TimePoint now);

// What the programme's country calls its subdivisions, for the export's header ("Provincia o
// comarca", "Provincia", "Parish"). Not personal data; the caller has checked the export's right.
LocalizedText subdivision_category_of(storage::Store& store, Id programme_id);

}  // namespace diplomado::services
