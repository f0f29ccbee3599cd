#pragma once
// Opening the database named by a URL: sqlite://PATH or postgresql://... (any libpq URI).
// Opening runs the pending migrations, each in its own transaction, and refuses a database whose
// schema is newer than this binary knows.
#include <memory>
#include <string>

#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::storage {

enum class Dialect { sqlite, postgres };

struct DatabaseOptions {
  std::string url;
  std::size_t pool_size = 8;
  // The file store's directory (see file_store.hpp); empty: a private temporary one.
  std::string files_directory;
};

struct OpenedDatabase {
  std::shared_ptr<Store> store;
  Dialect dialect = Dialect::sqlite;
  int schema_version = 0;
  int migrations_applied = 0;
};

Result<OpenedDatabase> open_database(const DatabaseOptions& options);

// A postgresql:// URI as libpq keyword=value words (what SOCI's PostgreSQL backend accepts). With
// `password`, the password goes there rather than into the words (a child process gets it through
// its environment, not its command line, which any local user can read).
std::optional<std::string> postgres_keywords(const std::string& url, std::string* password = nullptr);

// The highest schema version this binary's migrations bring, per dialect.
int latest_schema_version(Dialect dialect);

}  // namespace diplomado::storage
