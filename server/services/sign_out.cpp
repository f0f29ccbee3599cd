#include "services/sign_out.hpp"

#include "services/crypto.hpp"

namespace diplomado::services {

Result<void> sign_out(storage::Store& store, SessionCache& cache, const Actor& actor, std::string_view session_token, TimePoint now) {
  cache.forget(token_digest(session_token));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->http_sessions().remove(token_digest(session_token))) return std::unexpected(make_error(ErrorCode::unauthenticated, "error.unauthenticated"));
  unit->audit().append({actor.user_id, "session.sign_out", "app_user", actor.user_id, "{}"}, format_iso8601(now));
  unit->commit();
  return {};
}

}  // namespace diplomado::services
