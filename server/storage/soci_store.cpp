#include "storage/soci_store.hpp"

#include <chrono>
#include <exception>
#include <thread>
#include <type_traits>

namespace diplomado::storage {

void prepare_connection(soci::session& sql, Dialect dialect) {
  if (dialect == Dialect::sqlite) {
    // Turning a new database to WAL needs its exclusive lock; a connection that already reads it
    // is refused at once with "database is locked" (SQLite does not wait there, to avoid a
    // deadlock), which four servers opening a new file together hit now and then. WAL is kept in
    // the file, so one success is enough: try again for up to five seconds.
    for (int attempt = 0;; ++attempt) {
      try {
        sql << "PRAGMA journal_mode=WAL";
        break;
      } catch (const soci::soci_error&) {
        if (attempt >= 100) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=10000";
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA temp_store=MEMORY";
  } else {
    sql << "SET TIME ZONE 'UTC'";
  }
}

SociStore::SociStore(Dialect dialect, std::string connect_string, std::size_t pool_size, std::unique_ptr<FileStore> files)
    : m_dialect(dialect), m_pool(pool_size), m_pool_size(pool_size), m_files(std::move(files)) {
  m_data_versions.assign(pool_size, -1);
  m_queries.reserve(pool_size);
  for (std::size_t i = 0; i < pool_size; ++i) m_queries.emplace_back(dialect == Dialect::sqlite);
  const char* backend = dialect == Dialect::sqlite ? "sqlite3" : "postgresql";
  for (std::size_t i = 0; i < pool_size; ++i) {
    auto& sql = m_pool.at(i);
    sql.open(backend, connect_string);
    prepare_connection(sql, dialect);
  }
}

namespace {

// After a failure: a PostgreSQL connection the server dropped (a restart, a network cut) is opened
// again, so service comes back by itself when the database does. Never throws; while the
// database is still away the next use fails again and tries again.
void recover_connection(soci::session& sql, Dialect dialect) noexcept {
  if (dialect != Dialect::postgres) return;
  try {
    if (sql.is_connected()) return;
    sql.reconnect();
    prepare_connection(sql, dialect);
  } catch (const std::exception&) {
    // Still unreachable.
  }
}

// SQLite's transaction statements, prepared once per connection like the reads. (PostgreSQL
// cannot prepare BEGIN; it gets plain statements.)
template <const char* Sql>
struct TransactionStatement {
  soci::statement statement;
  explicit TransactionStatement(soci::session& sql) : statement((sql.prepare << Sql)) {}
};
constexpr char begin_sql[] = "BEGIN";
constexpr char begin_immediate_sql[] = "BEGIN IMMEDIATE";
constexpr char commit_sql[] = "COMMIT";
constexpr char rollback_sql[] = "ROLLBACK";

struct DataVersion {
  long long version = 0;
  soci::statement statement;
  explicit DataVersion(soci::session& sql) : statement((sql.prepare << "PRAGMA data_version", soci::into(version))) {}
};

// The counters of migration 0013.
struct DataChanges {
  long long changes = 0;
  soci::statement statement;
  explicit DataChanges(soci::session& sql) : statement((sql.prepare << "SELECT data_changes FROM change_counter WHERE id = 1", soci::into(changes))) {}
};
struct CountDataChange {
  soci::statement statement;
  explicit CountDataChange(soci::session& sql)
      : statement((sql.prepare << "UPDATE change_counter SET data_changes = data_changes + 1 WHERE id = 1")) {}
};
struct BothChanges {
  long long sessions = 0, data = 0;
  soci::statement statement;
  explicit BothChanges(soci::session& sql)
      : statement((sql.prepare << "SELECT session_changes, data_changes FROM change_counter WHERE id = 1", soci::into(sessions), soci::into(data))) {}
};

// A pooled connection for one call (or one unit of work), given back however it ends, and
// counted while lent out.
class Lease {
 public:
  Lease(soci::connection_pool& pool, std::atomic<std::size_t>& in_use) : m_pool(pool), m_index(pool.lease()), m_in_use(in_use) {
    m_in_use.fetch_add(1, std::memory_order_relaxed);
  }
  ~Lease() {
    m_in_use.fetch_sub(1, std::memory_order_relaxed);
    m_pool.give_back(m_index);
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  std::size_t index() const { return m_index; }
  soci::session& sql() { return m_pool.at(m_index); }

 private:
  soci::connection_pool& m_pool;
  std::size_t m_index;
  std::atomic<std::size_t>& m_in_use;
};

class SociUnitOfWork final : public UnitOfWork {
 public:
  SociUnitOfWork(soci::connection_pool& pool, std::vector<PreparedQueries>& queries, std::vector<long long>& data_versions,
                 std::atomic<std::uint64_t>& generation, std::atomic<std::size_t>& in_use, Dialect dialect, TransactionMode mode,
                 std::optional<std::uint64_t> data_changes_seen)
      : m_pool(pool),
        m_index(pool.lease()),
        m_in_use(in_use),
        m_sql(pool.at(m_index)),
        m_queries(queries[m_index]),
        m_generation(generation),
        m_dialect(dialect),
        m_mode(mode) {
    m_in_use.fetch_add(1, std::memory_order_relaxed);
    // SQLite: a writer takes the write lock at BEGIN, so two writers queue on busy_timeout
    // instead of failing when a read lock would have to be upgraded.
    // PostgreSQL: a read-only unit first reads the data counter, outside a transaction, and
    // begins one only when it reads anything else; a read the cache answers costs one round trip.
    try {
      if (dialect == Dialect::postgres && mode == TransactionMode::read_only) {
        if (data_changes_seen) {
          m_data_generation = data_changes_seen;
        } else {
          auto& query = m_queries.get<DataChanges>(m_sql);
          query.statement.execute(true);
          m_data_generation = static_cast<std::uint64_t>(query.changes);
        }
        m_begin_on_first_use = true;
        return;
      }
      begin_transaction();
      if (dialect == Dialect::sqlite && mode == TransactionMode::read_only) m_data_generation = observe_generation(data_versions[m_index]);
    } catch (...) {
      if (m_open) {
        try {
          run<rollback_sql>();
        } catch (const std::exception&) {
          // Broken connection: nothing to undo.
        }
      }
      m_queries.discard();
      recover_connection(m_sql, m_dialect);
      m_in_use.fetch_sub(1, std::memory_order_relaxed);
      m_pool.give_back(m_index);
      throw;
    }
  }
  ~SociUnitOfWork() override {
    if (m_open) {
      // Not committed: a read that is done, a use case that refused, or a failure part-way.
      // Only an exception leaves the cached statements (or the connection) in doubt; they are
      // dropped after the rollback, so nothing they do runs inside an aborted transaction.
      const bool failing = std::uncaught_exceptions() > 0;
      if (!failing) m_queries.finish();
      try {
        run<rollback_sql>();
      } catch (const std::exception&) {
        // The connection is already broken; nothing was committed.
      }
      if (failing) {
        m_queries.discard();
        recover_connection(m_sql, m_dialect);
      }
    } else if (std::uncaught_exceptions() > 0) {
      m_queries.discard();
      recover_connection(m_sql, m_dialect);
    } else {
      m_queries.finish();  // a PostgreSQL read the cache answered, or a unit already committed
    }
    release_repositories();
    m_in_use.fetch_sub(1, std::memory_order_relaxed);
    m_pool.give_back(m_index);
  }
  ProgrammeRepository& programmes() override { return lazy(m_programmes, make_programme_repository); }
  PeopleRepository& people() override { return lazy(m_people, make_people_repository); }
  UserRepository& users() override { return lazy(m_users, make_user_repository); }
  HttpSessionRepository& http_sessions() override { return lazy(m_http_sessions, make_http_session_repository); }
  AuditRepository& audit() override { return lazy(m_audit, make_audit_repository); }
  ImportUploadRepository& uploads() override { return lazy(m_uploads, make_import_upload_repository); }
  TeachingRepository& teaching() override { return lazy(m_teaching, make_teaching_repository); }
  ProjectRepository& projects() override { return lazy(m_projects, make_project_repository); }
  JuryRepository& jury() override { return lazy(m_jury, make_jury_repository); }
  GraduationRepository& graduation() override { return lazy(m_graduation, make_graduation_repository); }
  CertificateRepository& certificates() override { return lazy(m_certificates, make_certificate_repository); }
  ClosingRepository& closing() override { return lazy(m_closing, make_closing_repository); }
  void commit() override {
    m_queries.finish();
    if (m_mode == TransactionMode::read_only) {
      if (m_open) run<commit_sql>();
      m_open = false;
      return;
    }
    if (m_dialect == Dialect::postgres && m_changes_data) m_queries.get<CountDataChange>(m_sql).statement.execute(true);
    // Seqlock: odd while this write commits, even again after, so a reader that saw an odd
    // number, or a number that changed since, never caches what it read.
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    try {
      run<commit_sql>();
    } catch (...) {
      m_generation.fetch_add(1, std::memory_order_acq_rel);
      throw;
    }
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_open = false;
  }

  std::optional<std::uint64_t> data_generation() const override { return m_data_generation; }

 private:
  template <class T, class Factory>
  T& lazy(std::unique_ptr<T>& slot, Factory factory) {
    if (m_begin_on_first_use) {
      m_begin_on_first_use = false;
      begin_transaction();
    }
    // Sessions are not data any cache holds: a unit that only touches them (authentication, every
    // 30 s per session) leaves the data counter alone.
    if constexpr (!std::is_same_v<T, HttpSessionRepository>) m_changes_data = true;
    if (!slot) slot = factory(m_sql, m_queries);
    return *slot;
  }
  void begin_transaction() {
    if (m_dialect == Dialect::sqlite && m_mode == TransactionMode::read_write) {
      run<begin_immediate_sql>();
    } else {
      run<begin_sql>();
    }
    m_open = true;
  }
  // The generation to cache this unit's reads under: read before this connection looks for
  // commits by other connections (other processes included), and given up if it saw any or a
  // write of this process was committing.
  std::optional<std::uint64_t> observe_generation(long long& last_seen_version) {
    const auto generation = m_generation.load(std::memory_order_acquire);
    auto& query = m_queries.get<DataVersion>(m_sql);
    query.statement.execute(true);
    if (query.version != last_seen_version) {
      last_seen_version = query.version;
      m_generation.fetch_add(2, std::memory_order_acq_rel);
      return std::nullopt;
    }
    if (generation % 2 != 0) return std::nullopt;
    return generation;
  }

  template <const char* Sql>
  void run() {
    if (m_dialect == Dialect::sqlite) {
      m_queries.get<TransactionStatement<Sql>>(m_sql).statement.execute(true);
    } else {
      m_sql << Sql;
    }
  }
  void release_repositories() {
    m_programmes.reset();
    m_people.reset();
    m_users.reset();
    m_http_sessions.reset();
    m_audit.reset();
    m_uploads.reset();
    m_teaching.reset();
    m_projects.reset();
    m_jury.reset();
    m_graduation.reset();
    m_certificates.reset();
    m_closing.reset();
  }
  soci::connection_pool& m_pool;
  std::size_t m_index;
  std::atomic<std::size_t>& m_in_use;
  soci::session& m_sql;
  PreparedQueries& m_queries;
  std::atomic<std::uint64_t>& m_generation;
  Dialect m_dialect;
  TransactionMode m_mode;
  bool m_open = false;
  bool m_begin_on_first_use = false;
  bool m_changes_data = false;
  std::optional<std::uint64_t> m_data_generation;
  std::unique_ptr<ProgrammeRepository> m_programmes;
  std::unique_ptr<PeopleRepository> m_people;
  std::unique_ptr<ImportUploadRepository> m_uploads;
  std::unique_ptr<TeachingRepository> m_teaching;
  std::unique_ptr<ProjectRepository> m_projects;
  std::unique_ptr<JuryRepository> m_jury;
  std::unique_ptr<GraduationRepository> m_graduation;
  std::unique_ptr<CertificateRepository> m_certificates;
  std::unique_ptr<ClosingRepository> m_closing;
  std::unique_ptr<UserRepository> m_users;
  std::unique_ptr<HttpSessionRepository> m_http_sessions;
  std::unique_ptr<AuditRepository> m_audit;
};

}  // namespace

std::unique_ptr<UnitOfWork> SociStore::begin(TransactionMode mode, std::optional<std::uint64_t> data_changes_seen) {
  return std::make_unique<SociUnitOfWork>(m_pool, m_queries, m_data_versions, m_generation, m_in_use, m_dialect, mode, data_changes_seen);
}

ChangeCounters SociStore::change_counters() {
  Lease lease(m_pool, m_in_use);
  auto& queries = m_queries[lease.index()];
  try {
    auto& query = queries.get<BothChanges>(lease.sql());
    query.statement.execute(true);
    queries.finish();
    ChangeCounters counters{static_cast<std::uint64_t>(query.sessions), std::nullopt};
    if (m_dialect == Dialect::postgres) counters.data = static_cast<std::uint64_t>(query.data);
    return counters;
  } catch (...) {
    queries.discard();
    recover_connection(lease.sql(), m_dialect);
    throw;
  }
}

bool SociStore::reachable() {
  Lease lease(m_pool, m_in_use);
  auto& sql = lease.sql();
  try {
    if (m_dialect == Dialect::sqlite) {
      int one = 0;
      sql << "SELECT 1", soci::into(one);
      return one == 1;
    }
    if (sql.is_connected()) return true;
    m_queries[lease.index()].discard();
    recover_connection(sql, m_dialect);
    return sql.is_connected();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace diplomado::storage
