#include "storage/soci_store.hpp"

#include <exception>

namespace diplomado::storage {

void prepare_connection(soci::session& sql, Dialect dialect) {
  if (dialect == Dialect::sqlite) {
    sql << "PRAGMA journal_mode=WAL";
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=10000";
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA temp_store=MEMORY";
  } else {
    sql << "SET TIME ZONE 'UTC'";
  }
}

SociStore::SociStore(Dialect dialect, std::string connect_string, std::size_t pool_size)
    : m_dialect(dialect), m_pool(pool_size) {
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

class SociUnitOfWork final : public UnitOfWork {
 public:
  SociUnitOfWork(soci::connection_pool& pool, std::vector<PreparedQueries>& queries, std::vector<long long>& data_versions,
                 std::atomic<std::uint64_t>& generation, Dialect dialect, TransactionMode mode)
      : m_pool(pool),
        m_index(pool.lease()),
        m_sql(pool.at(m_index)),
        m_queries(queries[m_index]),
        m_generation(generation),
        m_dialect(dialect),
        m_mode(mode) {
    // SQLite: a writer takes the write lock at BEGIN, so two writers queue on busy_timeout
    // instead of failing when a read lock would have to be upgraded.
    try {
      if (dialect == Dialect::sqlite && mode == TransactionMode::read_write) {
        run<begin_immediate_sql>();
      } else {
        run<begin_sql>();
      }
      m_open = true;
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
      run<commit_sql>();
      m_open = false;
      return;
    }
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
    if (!slot) slot = factory(m_sql, m_queries);
    return *slot;
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
  soci::session& m_sql;
  PreparedQueries& m_queries;
  std::atomic<std::uint64_t>& m_generation;
  Dialect m_dialect;
  TransactionMode m_mode;
  bool m_open = false;
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

std::unique_ptr<UnitOfWork> SociStore::begin(TransactionMode mode) {
  return std::make_unique<SociUnitOfWork>(m_pool, m_queries, m_data_versions, m_generation, m_dialect, mode);
}

}  // namespace diplomado::storage
