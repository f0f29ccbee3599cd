#include "storage/soci_store.hpp"

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
  const char* backend = dialect == Dialect::sqlite ? "sqlite3" : "postgresql";
  for (std::size_t i = 0; i < pool_size; ++i) {
    auto& sql = m_pool.at(i);
    sql.open(backend, connect_string);
    prepare_connection(sql, dialect);
  }
}

namespace {

class SociUnitOfWork final : public UnitOfWork {
 public:
  SociUnitOfWork(soci::connection_pool& pool, Dialect dialect, TransactionMode mode) : m_sql(pool) {
    // SQLite: a writer takes the write lock at BEGIN, so two writers queue on busy_timeout
    // instead of failing when a read lock would have to be upgraded.
    m_sql << (dialect == Dialect::sqlite && mode == TransactionMode::read_write ? "BEGIN IMMEDIATE" : "BEGIN");
    m_open = true;
  }
  ~SociUnitOfWork() override {
    if (!m_open) return;
    try {
      m_sql << "ROLLBACK";
    } catch (const std::exception&) {
      // The connection is already broken; nothing was committed.
    }
  }
  ProgrammeRepository& programmes() override { return lazy(m_programmes, make_programme_repository); }
  PeopleRepository& people() override { return lazy(m_people, make_people_repository); }
  UserRepository& users() override { return lazy(m_users, make_user_repository); }
  HttpSessionRepository& http_sessions() override { return lazy(m_http_sessions, make_http_session_repository); }
  AuditRepository& audit() override { return lazy(m_audit, make_audit_repository); }
  void commit() override {
    m_sql << "COMMIT";
    m_open = false;
  }

 private:
  template <class T, class Factory>
  T& lazy(std::unique_ptr<T>& slot, Factory factory) {
    if (!slot) slot = factory(m_sql);
    return *slot;
  }
  soci::session m_sql;
  bool m_open = false;
  std::unique_ptr<ProgrammeRepository> m_programmes;
  std::unique_ptr<PeopleRepository> m_people;
  std::unique_ptr<UserRepository> m_users;
  std::unique_ptr<HttpSessionRepository> m_http_sessions;
  std::unique_ptr<AuditRepository> m_audit;
};

}  // namespace

std::unique_ptr<UnitOfWork> SociStore::begin(TransactionMode mode) {
  return std::make_unique<SociUnitOfWork>(m_pool, m_dialect, mode);
}

}  // namespace diplomado::storage
