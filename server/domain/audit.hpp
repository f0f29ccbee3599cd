#pragma once
// The audit trail as it is read back: the viewer's filter and its rows (issue 15).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/permission.hpp"

namespace diplomado {

// What the audit viewer asks for: every member narrows; empty ones do not.
struct AuditFilter {
  std::optional<Id> programme_id;     // nothing: every programme and none (the site's)
  std::string actor_email;            // part of the actor's e-mail
  std::string action_prefix;          // "grade", "attendance.record"
  std::optional<Id> enrollment_id;    // events about this person's enrolment
  std::string since;                  // ISO 8601 date or time, inclusive
  std::string until;                  // ISO 8601 date, inclusive of that whole day
  std::int64_t offset = 0;
  std::int64_t limit = 50;            // 0: no limit (the CLI's export)
};

struct AuditRecord {
  Id id = 0;
  std::string at;
  std::optional<Id> actor_user_id;
  std::string actor_email;  // empty: the system (the CLI's operator)
  std::string action;
  std::string entity;
  std::optional<Id> entity_id;
  std::string details_json;
  std::optional<Id> programme_id;
  std::string request_id;
};

struct AuditPage {
  std::vector<AuditRecord> items;
  std::int64_t total = 0;
};

}  // namespace diplomado
