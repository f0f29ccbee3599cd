#pragma once
// The interfaces the services need from storage: one header per aggregate, gathered here into the
// unit of work. Services see only these headers; the SOCI implementation lives beside them and is
// wired in by app/ (DESIGN.md §3). Row types the services hand on belong to the domain.
#include <cstdint>
#include <memory>
#include <optional>

#include "storage/audit_repository.hpp"
#include "storage/certificate_repository.hpp"
#include "storage/closing_repository.hpp"
#include "storage/file_store.hpp"
#include "storage/graduation_repository.hpp"
#include "storage/http_session_repository.hpp"
#include "storage/import_upload_repository.hpp"
#include "storage/jury_repository.hpp"
#include "storage/people_repository.hpp"
#include "storage/programme_repository.hpp"
#include "storage/project_repository.hpp"
#include "storage/teaching_repository.hpp"
#include "storage/user_repository.hpp"

namespace diplomado::storage {

enum class TransactionMode { read_only, read_write };

// One transaction over every repository. Destroying it without commit() rolls back, so a
// failure part-way writes nothing.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual ProgrammeRepository& programmes() = 0;
  virtual PeopleRepository& people() = 0;
  virtual UserRepository& users() = 0;
  virtual HttpSessionRepository& http_sessions() = 0;
  virtual AuditRepository& audit() = 0;
  virtual ImportUploadRepository& uploads() = 0;
  virtual TeachingRepository& teaching() = 0;
  virtual ProjectRepository& projects() = 0;
  virtual JuryRepository& jury() = 0;
  virtual GraduationRepository& graduation() = 0;
  virtual CertificateRepository& certificates() = 0;
  virtual ClosingRepository& closing() = 0;
  virtual void commit() = 0;

  // A number that changes whenever the stored data may have changed: a commit in this process,
  // or in another one on the same database (SQLite: PRAGMA data_version; PostgreSQL: the
  // change_counter row every writing unit moves as it commits). Read at the start of a read-only
  // unit, so data read in the unit may be cached under it. Nothing in a writing unit, or while
  // this process is committing a write: then nothing may be cached.
  virtual std::optional<std::uint64_t> data_generation() const = 0;
};

// The counters of migration 0013, read together in one round trip.
struct ChangeCounters {
  // Changes whenever what a remembered session stands for may have changed, in any process on
  // the database: a session ended, or an account or its grants changed.
  std::uint64_t sessions = 0;
  // PostgreSQL's data counter (UnitOfWork::data_generation); nothing on SQLite, whose read-only
  // units read PRAGMA data_version themselves.
  std::optional<std::uint64_t> data;
};

class Store {
 public:
  virtual ~Store() = default;
  std::unique_ptr<UnitOfWork> begin(TransactionMode mode) { return begin(mode, std::nullopt); }
  // `data_changes_seen`: the data counter read a moment ago in this same request (with the
  // session counter), which a PostgreSQL read-only unit may take as its data generation instead
  // of reading it again. Safe because it was read before anything the unit reads; the caller
  // passes it to the request's first unit only, so a unit after a write never sees it.
  virtual std::unique_ptr<UnitOfWork> begin(TransactionMode mode, std::optional<std::uint64_t> data_changes_seen) = 0;
  // Both counters, in one read outside any transaction.
  virtual ChangeCounters change_counters() = 0;
  // Whether the database answers now (a broken PostgreSQL connection is opened again first).
  virtual bool reachable() = 0;
  // The connection pool's size and how many of its connections are lent out now (/metrics).
  virtual std::pair<std::size_t, std::size_t> pool_usage() = 0;
  // Where uploads, attachments and logos are kept (their rows name them by digest).
  virtual FileStore& files() = 0;
};

}  // namespace diplomado::storage
