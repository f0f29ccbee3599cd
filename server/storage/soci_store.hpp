#pragma once
// Internal to storage/: the SOCI implementation of the repositories.
#include <soci/soci.h>

#include <atomic>
#include <memory>

#include "storage/database.hpp"
#include "storage/prepared_queries.hpp"
#include "storage/repositories.hpp"

namespace diplomado::storage {

std::unique_ptr<ProgrammeRepository> make_programme_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<PeopleRepository> make_people_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<UserRepository> make_user_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<HttpSessionRepository> make_http_session_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<AuditRepository> make_audit_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<ImportUploadRepository> make_import_upload_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<TeachingRepository> make_teaching_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<ProjectRepository> make_project_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<JuryRepository> make_jury_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<GraduationRepository> make_graduation_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<CertificateRepository> make_certificate_repository(soci::session& sql, PreparedQueries& queries);
std::unique_ptr<ClosingRepository> make_closing_repository(soci::session& sql, PreparedQueries& queries);

class SociStore final : public Store {
 public:
  SociStore(Dialect dialect, std::string connect_string, std::size_t pool_size, std::unique_ptr<FileStore> files);
  using Store::begin;
  std::unique_ptr<UnitOfWork> begin(TransactionMode mode, std::optional<std::uint64_t> data_changes_seen) override;
  ChangeCounters change_counters() override;
  bool reachable() override;
  std::pair<std::size_t, std::size_t> pool_usage() override { return {m_pool_size, m_in_use.load(std::memory_order_relaxed)}; }
  FileStore& files() override { return *m_files; }

 private:
  Dialect m_dialect;
  soci::connection_pool m_pool;
  std::vector<PreparedQueries> m_queries;  // one per pooled connection, same index
  // SQLite's PRAGMA data_version last seen by each pooled connection (-1: never); only the
  // thread that holds a connection's lease touches its entry.
  std::vector<long long> m_data_versions;
  // Even while no write of this process is committing; see SociUnitOfWork.
  std::atomic<std::uint64_t> m_generation{0};
  std::size_t m_pool_size;
  std::atomic<std::size_t> m_in_use{0};
  std::unique_ptr<FileStore> m_files;
};

// Files a database written before migration 0014 still holds inline (base64 text) are moved to
// the file store at start, each table in one transaction; a file the store cannot take stops the
// start with error.files.unavailable and leaves that table as it was.
Result<void> move_inline_files(soci::session& sql, FileStore& files);

// Keeps the folded search keys of places and institutions (migration 0003) in step with their
// names; the fill runs at start for rows written before the keys existed.
// The programme's grading policy and graduation requirements (columns of programme).
void write_grading_policy(soci::session& sql, Id programme_id, const GradingPolicy& policy);
GradingPolicy read_grading_policy(soci::session& sql, Id programme_id);

void refresh_subdivision_search_key(soci::session& sql, const std::string& code);
void refresh_institution_search_key(soci::session& sql, Id institution_id);
void fill_missing_search_keys(soci::session& sql);

// Statements every new connection needs (SQLite: WAL, foreign keys, busy timeout).
void prepare_connection(soci::session& sql, Dialect dialect);

}  // namespace diplomado::storage
