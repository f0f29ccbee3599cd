#pragma once
// Ley 81's rectification (issue 15): a participant asks for a correction of what a programme holds
// about them (from "Mi cuenta"); the request reaches the programme's coordinators, who correct the
// data and resolve it with a note the participant reads. Asking and resolving are audited.
#include <string_view>
#include <vector>

#include "domain/correction.hpp"
#include "domain/error.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

inline constexpr std::size_t correction_text_limit = 2000;

// The actor must be enrolled (participant or group leader) in the programme, found by e-mail.
Result<CorrectionRequest> request_correction(storage::Store& store, const Actor& actor, Id programme_id, std::string_view request, TimePoint now);
Result<std::vector<CorrectionRequest>> my_correction_requests(storage::Store& store, const Actor& actor);
Result<std::vector<CorrectionRequest>> list_correction_requests(storage::Store& store, const Actor& actor, Id programme_id);
Result<CorrectionRequest> resolve_correction(storage::Store& store, const Actor& actor, Id programme_id, Id request_id, std::string_view resolution,
                                             TimePoint now);

}  // namespace diplomado::services
