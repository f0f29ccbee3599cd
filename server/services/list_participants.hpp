#pragma once
#include <memory>

#include "domain/error.hpp"
#include "domain/pagination.hpp"
#include "services/read_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<std::shared_ptr<const Page<ParticipantRow>>> list_participants(storage::Store& store, ReadCache& cache, const Actor& actor,
                                                                      Id programme_id, const ParticipantFilter& filter,
                                                                      const PageRequest& page);

}  // namespace diplomado::services
