#pragma once
// What every audit event of the current request shares: the request's id (also sent back as
// X-Request-Id) and the programme the request is about. The HTTP dispatcher (and the CLI, for a
// --programme) opens a scope; the audit repository fills an event's empty fields from it. One
// request runs on one thread, so the context is the thread's.
#include <optional>
#include <string>

#include "domain/permission.hpp"

namespace diplomado {

struct AuditContext {
  std::string request_id;
  std::optional<Id> programme_id;
};

const AuditContext& current_audit_context();

class AuditScope {
 public:
  explicit AuditScope(AuditContext context);
  ~AuditScope();
  AuditScope(const AuditScope&) = delete;
  AuditScope& operator=(const AuditScope&) = delete;

 private:
  AuditContext m_previous;
};

}  // namespace diplomado
