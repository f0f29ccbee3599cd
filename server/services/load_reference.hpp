#pragma once
// Reference data shared by every programme: a country's subdivisions (ISO 3166-2) and
// institutions, with the other spellings the import should recognise. Loading a list again
// updates it; nothing about a country is in the code (issue 5: courses run across the region).
#include <optional>
#include <string>
#include <vector>

#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ReferenceSubdivision {
  std::string code;  // ISO 3166-2, such as PA-KY
  std::string name;
  std::string kind;  // province | comarca | department | state | region ...
  std::vector<std::string> aliases;
};

struct ReferenceInstitution {
  InstitutionSeed institution;
  std::vector<std::string> aliases;
};

// actor: empty for the CLI. Over the API only a site-wide coordinator may load reference data.
// Every entry is checked before anything is written; errors name the entry by its position.
Result<std::size_t> load_subdivisions(storage::Store& store, const std::optional<Actor>& actor, const std::string& country,
                                      const std::vector<ReferenceSubdivision>& subdivisions, TimePoint now);
Result<std::size_t> load_institutions(storage::Store& store, const std::optional<Actor>& actor,
                                      const std::vector<ReferenceInstitution>& institutions, TimePoint now);

// Reference data is not personal: any signed-in user may read it (filters, the import wizard).
std::vector<InstitutionRecord> list_institutions(storage::Store& store);
Result<std::vector<SubdivisionCandidate>> list_subdivisions(storage::Store& store, const std::string& country);

}  // namespace diplomado::services
