#include "domain/audit_context.hpp"

namespace diplomado {
namespace {
thread_local AuditContext current;
}  // namespace

const AuditContext& current_audit_context() { return current; }

AuditScope::AuditScope(AuditContext context) : m_previous(std::move(current)) { current = std::move(context); }
AuditScope::~AuditScope() { current = std::move(m_previous); }

}  // namespace diplomado
