#pragma once
#include <memory>

#include "domain/error.hpp"
#include "services/read_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ProgrammeDetail {
  Programme programme;
  ProgrammeCounts counts;
};

Result<std::shared_ptr<const ProgrammeDetail>> get_programme(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id);

// A programme the actor may not see answers "not found", as if it did not exist.
Error programme_not_found();

}  // namespace diplomado::services
