#include "services/authenticate.hpp"

#include "services/crypto.hpp"

namespace diplomado::services {

Result<Authenticated> authenticate(storage::Store& store, std::string_view session_token, TimePoint now) {
  if (session_token.empty() || session_token.size() > 128) return std::unexpected(make_error(ErrorCode::unauthenticated, "error.unauthenticated"));
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto record = unit->http_sessions().find_live(token_digest(session_token), format_iso8601(now));
  if (!record) return std::unexpected(make_error(ErrorCode::unauthenticated, "error.unauthenticated"));
  return Authenticated{std::move(record->actor), std::move(record->csrf_token)};
}

}  // namespace diplomado::services
