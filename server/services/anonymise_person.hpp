#pragma once
// Ley 81's cancellation (issue 15): a person's identity goes for good, while aggregates (counts by
// sex, institution, level and subdivision; grades; attendance) and the public check of their
// certificates keep working and say "anonymised". A programme's coordinator anonymises a person
// enrolled only in programmes they coordinate (the site coordinator, anyone); `diplomado purge`
// anonymises the people of programmes closed long enough ago. Their account, if it was only a
// learner's, is closed too. Every anonymisation is audited, without the identity it removed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/time.hpp"
#include "services/session_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// What an anonymised person is called everywhere: both languages at once, since the name is data.
inline constexpr std::string_view anonymised_given_names = "Anonimizado · Anonymised";
inline constexpr std::string_view anonymised_holder_name = "Anonimizado · Anonymised";

struct Anonymisation {
  Id person_id = 0;
  std::vector<Id> programme_ids;
  bool account_closed = false;
};

Result<Anonymisation> anonymise_enrollment(storage::Store& store, SessionCache& cache, const Actor& actor, Id programme_id, Id enrollment_id,
                                           TimePoint now);

struct PurgeReport {
  std::string closed_before;  // ISO date
  std::int64_t people = 0;
  bool dry_run = true;
};
// The operator's (the CLI): people enrolled only in programmes closed and ended before `years`
// years ago. With dry_run, nothing changes and the count is what would be anonymised.
Result<PurgeReport> purge_closed_programmes(storage::Store& store, SessionCache& cache, int years, bool dry_run, TimePoint now);

}  // namespace diplomado::services
