#include "storage/soci_store.hpp"

#include <exception>

namespace diplomado::storage {

void prepare_connection(soci::session& sql, Dialect dialect) {
  if (dialect == Dialect::sqlite) {
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=10000";
    sql << "PRAGMA synchronous=NORMAL";
  } else {
    sql << "SET TIME ZONE 'UTC'";
  }
}

SociStore::SociStore(Dialect dialect, std::string connect_string, std::size_t pool_size)
    : m_dialect(dialect), m_pool(pool_size) {
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

class SociUnitOfWork final : public UnitOfWork {
 public:
  SociUnitOfWork(soci::connection_pool& pool, std::vector<PreparedQueries>& queries, Dialect dialect, TransactionMode mode)
      : m_pool(pool), m_index(pool.lease()), m_sql(pool.at(m_index)), m_queries(queries[m_index]), m_dialect(dialect) {
    // SQLite: a writer takes the write lock at BEGIN, so two writers queue on busy_timeout
    // instead of failing when a read lock would have to be upgraded.
    try {
      if (dialect == Dialect::sqlite && mode == TransactionMode::read_write) {
        run<begin_immediate_sql>();
      } else {
        run<begin_sql>();
      }
    } catch (...) {
      m_pool.give_back(m_index);
      throw;
    }
    m_open = true;
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
      if (failing) m_queries.discard();
    }
    release_repositories();
    m_pool.give_back(m_index);
  }
  ProgrammeRepository& programmes() override { return lazy(m_programmes, make_programme_repository); }
  PeopleRepository& people() override { return lazy(m_people, make_people_repository); }
  UserRepository& users() override { return lazy(m_users, make_user_repository); }
  HttpSessionRepository& http_sessions() override { return lazy(m_http_sessions, make_http_session_repository); }
  AuditRepository& audit() override { return lazy(m_audit, make_audit_repository); }
  void commit() override {
    m_queries.finish();
    run<commit_sql>();
    m_open = false;
  }

 private:
  template <class T, class Factory>
  T& lazy(std::unique_ptr<T>& slot, Factory factory) {
    if (!slot) slot = factory(m_sql, m_queries);
    return *slot;
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
  }
  soci::connection_pool& m_pool;
  std::size_t m_index;
  soci::session& m_sql;
  PreparedQueries& m_queries;
  Dialect m_dialect;
  bool m_open = false;
  std::unique_ptr<ProgrammeRepository> m_programmes;
  std::unique_ptr<PeopleRepository> m_people;
  std::unique_ptr<UserRepository> m_users;
  std::unique_ptr<HttpSessionRepository> m_http_sessions;
  std::unique_ptr<AuditRepository> m_audit;
};

}  // namespace

std::unique_ptr<UnitOfWork> SociStore::begin(TransactionMode mode) {
  return std::make_unique<SociUnitOfWork>(m_pool, m_queries, m_dialect, mode);
}

}  // namespace diplomado::storage
