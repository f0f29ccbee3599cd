#pragma once
// The append-only audit trail. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"
#include "domain/audit.hpp"

namespace diplomado::storage {

struct AuditEvent {
  std::optional<Id> actor_user_id;
  std::string action;       // verb.noun, e.g. "user.create"
  std::string entity;       // table name
  std::optional<Id> entity_id;
  std::string details_json; // never secrets; personal data only as before/after of the record changed
  std::optional<Id> programme_id = std::nullopt;
  std::string request_id = {};
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual void append(const AuditEvent& event, std::string_view at) = 0;
  virtual std::int64_t count(std::string_view action) = 0;
  // The details of every event with this action, oldest first.
  virtual std::vector<std::string> details(std::string_view action) = 0;
  // Newest first.
  virtual AuditPage list(const AuditFilter& filter) = 0;
};

}  // namespace diplomado::storage
