#pragma once
#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The programmes the actor holds any role in (all of them for a site-wide grant).
Result<std::vector<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor);

// The programme a code names, for the CLI (which runs with the machine's own authority).
Result<Id> find_programme_by_code(storage::Store& store, std::string_view code);

}  // namespace diplomado::services
