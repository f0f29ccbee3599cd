#pragma once
#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<std::vector<TeamView>> list_teams(storage::Store& store, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
