#pragma once
// Institutions as coordinators keep them (issue 5, item 1): create, edit (guarded by version),
// and merge two that are the same body written twice. Ministries are created and abolished, so
// each has validity dates.
#include <optional>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// Any coordinator may create and edit; merging changes every programme's people, so it takes a
// site-wide coordinator.
Result<InstitutionRecord> create_institution(storage::Store& store, const Actor& actor, InstitutionRecord institution, TimePoint now);
Result<InstitutionRecord> update_institution(storage::Store& store, const Actor& actor, InstitutionRecord institution,
                                             std::optional<std::int64_t> expected_version, TimePoint now);
struct MergeResult {
  InstitutionRecord kept;
  std::int64_t people_moved = 0;
};
// `merged` disappears; its people, and its names and acronym (as aliases), go to `kept`.
Result<MergeResult> merge_institutions(storage::Store& store, const Actor& actor, Id kept, Id merged, TimePoint now);

// Names the fields that are wrong: names in both languages, level, ISO dates in order.
std::vector<FieldError> check_institution(const InstitutionRecord& institution);

}  // namespace diplomado::services
