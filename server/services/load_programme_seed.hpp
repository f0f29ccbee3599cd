#pragma once
#include "domain/error.hpp"
#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct SeedLoaded {
  Id programme_id = 0;
  bool created = false;  // false: a programme with this code was there already; nothing changed
  std::size_t participants = 0;
  std::size_t teams = 0;
};

// Loads a whole programme in one transaction, or nothing. Idempotent by programme code.
Result<SeedLoaded> load_programme_seed(storage::Store& store, const ProgrammeSeed& seed, TimePoint now);

}  // namespace diplomado::services
