#pragma once
#include <memory>

#include "domain/error.hpp"
#include "services/read_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<std::shared_ptr<const std::vector<TeamView>>> list_teams(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
