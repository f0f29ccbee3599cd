#pragma once
#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ProgrammeDetail {
  Programme programme;
  ProgrammeCounts counts;
};

Result<ProgrammeDetail> get_programme(storage::Store& store, const Actor& actor, Id programme_id);

// A programme the actor may not see answers "not found", as if it did not exist.
Error programme_not_found();

}  // namespace diplomado::services
