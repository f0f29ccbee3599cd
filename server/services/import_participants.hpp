#pragma once
// Import participants from a spreadsheet (issue 5): always a preview first; a commit writes every
// row or none, in one transaction, and refuses while any row is in error.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/participant_import.hpp"
#include "domain/time.hpp"
#include "services/files.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct TableShape {
  std::string format;
  std::string encoding;
  std::string separator;
};

// Reads the file, calling the handler once per row (row 1 is the header). Adapters bind the
// documents/ reader here, so the use case does not depend on file formats.
using RowVisitor = std::function<bool(long row, std::vector<std::string>& cells)>;
using TableReader = std::function<Result<TableShape>(const RowVisitor&)>;

enum class ImportMode { dry_run, commit };

struct ImportRequest {
  Id programme_id = 0;
  std::optional<ColumnMapping> mapping;  // empty: recognised from the headers
  ImportMode mode = ImportMode::dry_run;
  std::string file_name;  // for the audit trail's summary only
  std::optional<Id> upload_id;  // an API upload, removed in the same transaction as the commit
  // Institutions the file names that are not on file are created (the programme's country's,
  // acronym and name as the file gives them), in the same transaction, instead of refused.
  bool create_institutions = false;
};

struct ImportPreviewRow {
  long row = 0;
  ImportAction action = ImportAction::create;
  bool enrol = false;
  std::string given_names;
  std::string family_names;
  std::string email;
  std::vector<std::string> changed_fields;
};

struct ImportSummary {
  TableShape table;
  std::vector<std::string> headers;
  ColumnMapping mapping{};
  long rows = 0;  // data rows read
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t enrolled = 0;
  std::vector<ImportIssue> errors;  // sorted by row
  // Nothing is dropped silently: the columns no field reads, and the fields whose column is empty
  // in every row (a warning: the import may still be right).
  std::vector<std::size_t> unmapped_columns;
  std::vector<ImportField> empty_fields;
  // The institutions the file names that are not on file: created with the import when asked
  // (create_institutions), otherwise each row naming one is in error.
  std::vector<std::string> new_institutions;
  std::vector<ImportPreviewRow> preview;  // at most preview_limit rows of what would be written
  bool preview_truncated = false;
  bool committed = false;
};

inline constexpr std::size_t preview_limit = 500;

// actor: empty for the CLI, which runs with the machine's own authority.
// Errors (ErrorCode) are for the whole request: unknown programme, a role that may not import,
// a file that is not a table. Row problems are in ImportSummary::errors.
Result<ImportSummary> import_participants(storage::Store& store, const std::optional<Actor>& actor, const ImportRequest& request,
                                          const TableReader& read_table, TimePoint now);

// Uploads for the API's step-by-step import: the spooled file is kept in the file store until the
// import is confirmed, for a day at most; then its file is removed too.
Result<Id> store_import_upload(storage::Store& store, const Actor& actor, Id programme_id, std::string file_name, const Upload& upload,
                               TimePoint now);
struct LoadedUpload {
  std::string file_name;
  MappedFile file;
};
Result<LoadedUpload> load_import_upload(storage::Store& store, const Actor& actor, Id programme_id, Id upload_id);

}  // namespace diplomado::services
