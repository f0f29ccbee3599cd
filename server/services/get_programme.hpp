#pragma once
#include <memory>

#include "domain/error.hpp"
#include "services/read_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ProgrammeDetail {
  Programme programme;
  ProgrammeCounts counts;
  LocalizedText subdivision_category;  // what the country calls its subdivisions ("Provincia o comarca")
};

Result<std::shared_ptr<const ProgrammeDetail>> get_programme(storage::Store& store, ReadCache& cache, const Actor& actor, Id programme_id);

// A programme the actor may not see answers "not found", as if it did not exist.
Error programme_not_found();

// The one permission check of the use cases: "not found" for a programme the actor holds no role
// in, "forbidden" when the role does not allow `needed`, nothing when allowed. No actor is the
// CLI, which runs with the machine's own authority.
std::optional<Error> refuse(const std::optional<Actor>& actor, Id programme_id, Permission needed);

// Who an audit event names: the user, or nobody for the CLI.
inline std::optional<Id> actor_id(const std::optional<Actor>& actor) { return actor ? std::optional<Id>(actor->user_id) : std::nullopt; }

}  // namespace diplomado::services
