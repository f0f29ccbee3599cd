#pragma once
#include <memory>
#include <string>
#include <tuple>

#include "domain/error.hpp"
#include "domain/pagination.hpp"
#include "services/read_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// ?q= (words found in the code or a title, accents and case aside) and ?page=&per_page=.
struct ProgrammeListQuery {
  PageRequest page;
  std::string search;
};

// One page of the programmes the actor holds any role in (all of them for a site-wide grant),
// latest end first, and how many match in all.
Result<Page<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor, const ProgrammeListQuery& query = {});

// A site-wide grant (the site coordinator's) sees every programme: the same page for each such
// user, so it may be cached for all of them.
bool sees_every_programme(const Actor& actor);

// The same, with the pages kept in `cache` under the data generation, keyed by the programmes the
// actor may see (issue 16: with 1,000 programmes a site coordinator's page of 50 cost 2.5 times a
// page of one; from the cache both cost a read of the generation).
Result<std::shared_ptr<const Page<ProgrammeSummary>>> list_programmes(storage::Store& store, ReadCache& cache, const Actor& actor,
                                                                      const ProgrammeListQuery& query);

// The programme a code names, for the CLI (which runs with the machine's own authority).
Result<Id> find_programme_by_code(storage::Store& store, std::string_view code);

}  // namespace diplomado::services
