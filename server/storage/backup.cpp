// Database copies for backup and restore (backup.hpp).
#include "storage/backup.hpp"

#include <fcntl.h>
#include <soci/soci.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace diplomado::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view sqlite_prefix = "sqlite://";

Error backup_error(const char* code, const char* key, std::string value = "") {
  Error error = make_error(ErrorCode::unavailable, key);
  error.details.push_back(FieldError{"database", std::nullopt, code, key, std::move(value)});
  return error;
}

fs::path sqlite_path(const std::string& url) { return fs::path(url.substr(sqlite_prefix.size())); }

// The first line of what a tool printed on its standard error (it names the cause).
std::string first_line(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Runs pg_dump or pg_restore with the connection's words (the password in PGPASSWORD) and
// waits for it; its standard error goes to a file whose first line names a failure.
Result<void> run_tool(const std::string& url, std::vector<std::string> arguments) {
  std::string password;
  const auto keywords = postgres_keywords(url, &password);
  if (!keywords) return std::unexpected(field_error("database", "invalid_url", "error.database.url"));
  arguments.push_back("--dbname=" + *keywords);
  std::vector<std::string> environment;
  for (char** variable = environ; *variable; ++variable)
    if (!std::string_view(*variable).starts_with("PGPASSWORD=")) environment.emplace_back(*variable);
  if (!password.empty()) environment.push_back("PGPASSWORD=" + password);
  std::vector<char*> argv, envp;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  for (auto& variable : environment) envp.push_back(variable.data());
  envp.push_back(nullptr);

  const fs::path errors = fs::temp_directory_path() / ("diplomado-tool-" + std::to_string(::getpid()) + ".err");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t child = 0;
  const int spawned = posix_spawnp(&child, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return std::unexpected(backup_error("tool_missing", "error.backup.tool_missing", arguments[0]));
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  const std::string cause = first_line(errors);
  std::error_code ignored;
  fs::remove(errors, ignored);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::unexpected(backup_error("tool_failed", "error.backup.tool_failed", arguments[0] + ": " + cause));
  return {};
}

Result<int> schema_version(const std::string& url) {
  auto dialect = dialect_of(url);
  if (!dialect) return std::unexpected(dialect.error());
  try {
    soci::session sql(*dialect == Dialect::sqlite ? "sqlite3" : "postgresql",
                      *dialect == Dialect::sqlite ? "db=\"" + sqlite_path(url).string() + "\"" : postgres_keywords(url).value_or(""));
    int version = 0;
    soci::indicator indicator = soci::i_null;
    sql << "SELECT MAX(version) FROM schema_migration", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
  } catch (const soci::soci_error& error) {
    return std::unexpected(backup_error("open_failed", "error.database.open", error.get_error_message()));
  }
}

}  // namespace

Result<Dialect> dialect_of(const std::string& url) {
  if (url.starts_with(sqlite_prefix) && url.size() > sqlite_prefix.size()) return Dialect::sqlite;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return Dialect::postgres;
  return std::unexpected(field_error("database", "invalid_url", "error.database.url", url));
}

Result<int> copy_database(const std::string& url, const fs::path& out) {
  auto dialect = dialect_of(url);
  if (!dialect) return std::unexpected(dialect.error());
  if (*dialect == Dialect::postgres) {
    auto version = schema_version(url);
    if (!version) return version;
    // pg_dump reads every table in one REPEATABLE READ snapshot; the version above was read just
    // before it, and migrations run only at a server's start.
    if (auto dumped = run_tool(url, {"pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + out.string()}); !dumped)
      return std::unexpected(dumped.error());
    return version;
  }
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  const auto close = [&] {
    sqlite3_close(source);
    sqlite3_close(target);
  };
  if (sqlite3_open_v2(sqlite_path(url).c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
      sqlite3_open_v2(out.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string cause = sqlite3_errmsg(source ? (target ? target : source) : source);
    close();
    return std::unexpected(backup_error("open_failed", "error.database.open", cause));
  }
  sqlite3_busy_timeout(source, 10000);
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  int step = backup ? SQLITE_BUSY : SQLITE_ERROR;
  // All pages in one step: one read transaction, so the copy is one moment of the database even
  // while servers write (WAL lets them go on meanwhile).
  for (int tries = 0; backup && (step == SQLITE_BUSY || step == SQLITE_LOCKED) && tries < 100; ++tries) {
    step = sqlite3_backup_step(backup, -1);
    if (step == SQLITE_BUSY || step == SQLITE_LOCKED) sqlite3_sleep(100);
  }
  if (backup) sqlite3_backup_finish(backup);
  const std::string cause = sqlite3_errmsg(target);
  close();
  if (step != SQLITE_DONE) return std::unexpected(backup_error("copy_failed", "error.backup.copy_failed", cause));
  return schema_version_of_sqlite_copy(out);
}

Result<int> schema_version_of_sqlite_copy(const fs::path& copy) { return schema_version(std::string(sqlite_prefix) + copy.string()); }

Result<bool> database_is_empty(const std::string& url) {
  auto dialect = dialect_of(url);
  if (!dialect) return std::unexpected(dialect.error());
  if (*dialect == Dialect::sqlite) {
    std::error_code error;
    return !fs::exists(sqlite_path(url), error) || fs::file_size(sqlite_path(url), error) == 0;
  }
  try {
    soci::session sql("postgresql", postgres_keywords(url).value_or(""));
    int tables = 0;
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()", soci::into(tables);
    return tables == 0;
  } catch (const soci::soci_error& error) {
    return std::unexpected(backup_error("open_failed", "error.database.open", error.get_error_message()));
  }
}

Result<void> restore_database(const std::string& url, const fs::path& copy) {
  auto dialect = dialect_of(url);
  if (!dialect) return std::unexpected(dialect.error());
  if (*dialect == Dialect::postgres)
    return run_tool(url, {"pg_restore", "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", copy.string()});
  try {
    soci::session sql("sqlite3", "db=\"" + copy.string() + "\"");
    std::string verdict;
    sql << "PRAGMA integrity_check", soci::into(verdict);
    if (verdict != "ok") return std::unexpected(backup_error("corrupt", "error.backup.unreadable", verdict));
  } catch (const soci::soci_error& error) {
    return std::unexpected(backup_error("corrupt", "error.backup.unreadable", error.get_error_message()));
  }
  const fs::path target = sqlite_path(url);
  std::error_code error;
  fs::create_directories(target.parent_path(), error);
  fs::rename(copy, target, error);
  if (error) {
    // Another file system: copy, then remove the staged one.
    fs::copy_file(copy, target, error);
    if (error) return std::unexpected(backup_error("write_failed", "error.backup.write_failed", target.string()));
    fs::remove(copy, error);
  }
  return {};
}

}  // namespace diplomado::storage
