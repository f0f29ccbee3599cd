#pragma once
// Copies of the database for `diplomado backup` and `diplomado restore` (issue 16). Internal to
// storage/ and app/.
#include <filesystem>
#include <string>

#include "domain/error.hpp"
#include "storage/database.hpp"

namespace diplomado::storage {

// sqlite://… or postgresql://…; error.database.url otherwise.
Result<Dialect> dialect_of(const std::string& url);

// Writes a consistent copy of the database at `url` to `out` while servers keep writing to it,
// and gives the schema version of what was copied. SQLite: the online backup API, in one step
// (one read snapshot). PostgreSQL: pg_dump's custom format (one snapshot; the password reaches it
// through its environment, never its command line).
Result<int> copy_database(const std::string& url, const std::filesystem::path& out);

// The schema version of a copy made by copy_database (SQLite: read from the file; PostgreSQL: the
// version copy_database reported, which the caller keeps in the backup's manifest).
Result<int> schema_version_of_sqlite_copy(const std::filesystem::path& copy);

// Whether the database at `url` holds no data of Diplomado yet (no SQLite file, or no
// schema_migration table). A restore writes only into an empty database.
Result<bool> database_is_empty(const std::string& url);

// Puts a copy made by copy_database into the empty database at `url`, whole or not at all.
// SQLite: the copy is checked (PRAGMA integrity_check) and renamed into place. PostgreSQL:
// pg_restore in one transaction that stops at the first error.
Result<void> restore_database(const std::string& url, const std::filesystem::path& copy);

}  // namespace diplomado::storage
