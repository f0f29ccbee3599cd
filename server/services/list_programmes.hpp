#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/pagination.hpp"
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

// The programme a code names, for the CLI (which runs with the machine's own authority).
Result<Id> find_programme_by_code(storage::Store& store, std::string_view code);

}  // namespace diplomado::services
