#pragma once
// The audit trail read back (issue 15): a programme's events for its coordinators (the HTTP
// viewer) and for the operator (diplomado audit). Reading it is itself no change, so it is not
// audited; the events it shows never hold a password.
#include <optional>
#include <string>

#include "domain/audit.hpp"
#include "domain/error.hpp"
#include "domain/pagination.hpp"
#include "domain/permission.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct AuditQuery {
  std::string actor;   // part of the actor's e-mail
  std::string action;  // an action or its prefix ("grade", "attendance.record")
  std::string person;  // an enrolment's id, as typed
  std::string since;   // YYYY-MM-DD
  std::string until;   // YYYY-MM-DD
};

// Checks the query (a date that is not YYYY-MM-DD, a person that is not a whole number, since
// after until: each named) and reads one page, newest first. No page: every event (the CLI).
Result<AuditPage> read_audit(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, const AuditQuery& query,
                             std::optional<PageRequest> page);

}  // namespace diplomado::services
