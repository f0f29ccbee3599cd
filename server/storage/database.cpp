#include "storage/database.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <soci/soci.h>

#include <algorithm>
#include <ctime>
#include <exception>
#include <mutex>
#include <string_view>

#include "storage/directory_file_store.hpp"
#include "storage/migrations.hpp"
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

struct ParsedUrl {
  Dialect dialect;
  std::string connect_string;
};

// SOCI 4.0 re-parses its connection string as key=value words, which breaks libpq URIs; libpq
// itself turns the URI into keywords, each value quoted as libpq expects.
}  // namespace

std::optional<std::string> postgres_keywords(const std::string& url, std::string* password) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  if (!options) {
    if (message) PQfreemem(message);
    return std::nullopt;
  }
  std::string result;
  for (auto* option = options; option->keyword; ++option) {
    if (!option->val || !*option->val) continue;
    if (password && std::string_view(option->keyword) == "password") {
      *password = option->val;
      continue;
    }
    std::string value;
    for (const char* c = option->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value.push_back('\\');
      value.push_back(*c);
    }
    result += fmt::format("{}{}='{}'", result.empty() ? "" : " ", option->keyword, value);
  }
  PQconninfoFree(options);
  return result;
}

namespace {

Result<ParsedUrl> parse_url(const std::string& url) {
  constexpr std::string_view sqlite_prefix = "sqlite://";
  if (url.starts_with(sqlite_prefix)) {
    const auto path = url.substr(sqlite_prefix.size());
    if (path.empty() || path.find('"') != std::string::npos) return std::unexpected(field_error("database", "invalid_url", "error.database.url", url));
    return ParsedUrl{Dialect::sqlite, fmt::format("db=\"{}\" timeout=10", path)};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    auto keywords = postgres_keywords(url);
    if (!keywords) return std::unexpected(field_error("database", "invalid_url", "error.database.url"));
    return ParsedUrl{Dialect::postgres, *keywords};
  }
  return std::unexpected(field_error("database", "invalid_url", "error.database.url", url));
}

const char* dialect_name(Dialect dialect) { return dialect == Dialect::sqlite ? "sqlite" : "postgres"; }

// libpq's messages run over several lines (and a tab); an error at start is one line.
std::string one_line(std::string_view text) {
  std::string line;
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space) {
      if (!line.empty() && line.back() != ' ') line.push_back(' ');
    } else {
      line.push_back(c);
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

int version_of(std::string_view migration_name) {
  int version = 0;
  for (char c : migration_name) {
    if (c < '0' || c > '9') break;
    version = version * 10 + (c - '0');
  }
  return version;
}

// Migration files hold several statements; the drivers prepare one at a time. Statements end
// with ';' at the end of a line, and no statement has one inside a string.
std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> statements;
  std::string current;
  std::size_t start = 0;
  while (start < sql.size()) {
    auto end = sql.find('\n', start);
    if (end == std::string_view::npos) end = sql.size();
    auto line = sql.substr(start, end - start);
    start = end + 1;
    auto trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\r')) trimmed.remove_suffix(1);
    if (trimmed.starts_with("--")) continue;
    current.append(line).push_back('\n');
    if (trimmed.ends_with(';')) {
      statements.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \n\r\t") != std::string::npos) statements.push_back(current);
  return statements;
}

std::string now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

// PostgreSQL: two servers starting at once on one database take turns to migrate. The lock is
// the session's, held until released here or the connection ends (a crash releases it too).
// SQLite needs none: each migration's transaction takes the file's write lock.
constexpr long long migration_lock_key = 0x6469706c6f6d6164;  // "diplomad"

class MigrationLock {
 public:
  MigrationLock(soci::session& sql, Dialect dialect) : m_sql(sql), m_held(dialect == Dialect::postgres) {
    if (m_held) m_sql << "SELECT pg_advisory_lock(" + std::to_string(migration_lock_key) + ")";
  }
  ~MigrationLock() {
    if (!m_held) return;
    try {
      m_sql << "SELECT pg_advisory_unlock(" + std::to_string(migration_lock_key) + ")";
    } catch (const std::exception&) {
      // The connection is gone, and the lock with it.
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  soci::session& m_sql;
  bool m_held;
};

Result<std::pair<int, int>> migrate(soci::session& sql, Dialect dialect) {
  MigrationLock lock(sql, dialect);
  sql << "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
  int current = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(version) FROM schema_migration", soci::into(current, indicator);
  if (indicator == soci::i_null) current = 0;

  const int latest = latest_schema_version(dialect);
  if (current > latest) {
    Error error = make_error(ErrorCode::conflict, "error.database.newer_schema");
    error.details.push_back(FieldError{"schema_version", std::nullopt, "newer_schema", "error.database.newer_schema",
                                       fmt::format("{} > {}", current, latest)});
    return std::unexpected(error);
  }

  std::vector<const EmbeddedMigration*> pending;
  for (const auto& migration : embedded_migrations())
    if (std::string_view(migration.dialect) == dialect_name(dialect) && version_of(migration.name) > current) pending.push_back(&migration);
  std::ranges::sort(pending, {}, [](const EmbeddedMigration* migration) { return version_of(migration->name); });

  int applied = 0;
  for (const auto* migration : pending) {
    // Each migration runs in its own transaction: it lands whole or not at all. SQLite takes the
    // write lock at BEGIN, so another process starting at the same moment waits here and then
    // finds the migration applied (PostgreSQL's processes wait on the advisory lock instead).
    const int version = version_of(migration->name);
    if (dialect == Dialect::sqlite) sql << "BEGIN IMMEDIATE";
    else sql << "BEGIN";
    try {
      int done = 0;
      sql << "SELECT COUNT(*) FROM schema_migration WHERE version = :v", soci::use(version), soci::into(done);
      if (done == 0) {
        for (const auto& statement : split_statements(migration->sql)) sql << statement;
        const std::string name = migration->name;
        const std::string applied_at = now_iso8601();
        sql << "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :a)", soci::use(version), soci::use(name),
            soci::use(applied_at);
        ++applied;
      }
      sql << "COMMIT";
    } catch (...) {
      try {
        sql << "ROLLBACK";
      } catch (const std::exception&) {
        // The connection is gone; nothing was committed.
      }
      throw;
    }
  }
  return std::pair{pending.empty() ? current : version_of(pending.back()->name), applied};
}

}  // namespace

int latest_schema_version(Dialect dialect) {
  int latest = 0;
  for (const auto& migration : embedded_migrations())
    if (std::string_view(migration.dialect) == dialect_name(dialect)) latest = std::max(latest, version_of(migration.name));
  return latest;
}

// Before SQLite's first use: no global memory statistics (a process-wide mutex on every
// allocation), and multi-thread mode, since the pool hands each connection to one thread at a time.
static void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

Result<OpenedDatabase> open_database(const DatabaseOptions& options) {
  configure_sqlite_once();
  auto parsed = parse_url(options.url);
  if (!parsed) return std::unexpected(parsed.error());
  try {
    soci::session sql(parsed->dialect == Dialect::sqlite ? "sqlite3" : "postgresql", parsed->connect_string);
    prepare_connection(sql, parsed->dialect);
    auto migrated = migrate(sql, parsed->dialect);
    if (!migrated) return std::unexpected(migrated.error());
    fill_missing_search_keys(sql);
    auto files = open_directory_file_store(options.files_directory);
    if (!files) return std::unexpected(files.error());
    if (auto moved = move_inline_files(sql, **files); !moved) return std::unexpected(moved.error());
    OpenedDatabase opened;
    opened.dialect = parsed->dialect;
    opened.schema_version = migrated->first;
    opened.migrations_applied = migrated->second;
    opened.store = std::make_shared<SociStore>(parsed->dialect, parsed->connect_string, std::max<std::size_t>(1, options.pool_size), std::move(*files));
    return opened;
  } catch (const soci::soci_error& error) {
    // The driver's text names the cause (file not writable, server refused); it holds no secrets
    // of ours, but a URL may hold a password, so the URL itself is not repeated.
    Error failure = make_error(ErrorCode::unavailable, "error.database.open");
    failure.details.push_back(FieldError{"database", std::nullopt, "open_failed", "error.database.open", one_line(error.get_error_message())});
    return std::unexpected(failure);
  }
}

}  // namespace diplomado::storage
