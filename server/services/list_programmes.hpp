#pragma once
#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The programmes the actor holds any role in (all of them for a site-wide grant).
Result<std::vector<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor);

}  // namespace diplomado::services
