#pragma once
// Grades from a CSV or XLSX in the long form, one row per grade: participant e-mail, assessment
// code, score (issue 3, item 4). The participant import's discipline: a preview that lists every
// error with its row, column and value, then a commit of every row or none.
#include <optional>

#include "services/import_participants.hpp"

namespace diplomado::services {

struct GradeImportSummary {
  TableShape table;
  long rows = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::vector<ImportIssue> errors;
  bool committed = false;
};

// actor: empty for the CLI; otherwise a coordinator or instructor of the programme.
Result<GradeImportSummary> import_grades(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, ImportMode mode,
                                         const TableReader& read_table, TimePoint now);

}  // namespace diplomado::services
