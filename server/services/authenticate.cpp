#include "services/authenticate.hpp"

#include "services/crypto.hpp"

namespace diplomado::services {

Result<Authenticated> authenticate(storage::Store& store, SessionCache& cache, std::string_view session_token, TimePoint now) {
  if (session_token.empty() || session_token.size() > 128) return std::unexpected(make_error(ErrorCode::unauthenticated, "error.unauthenticated"));
  const auto digest = token_digest(session_token);
  // Read before the session itself: a change committed after this read moves the counter past
  // the number the entry is kept under, so the entry is never trusted after that change.
  const auto counters = store.change_counters();
  if (auto cached = cache.find(digest, now, counters.sessions)) {
    cached->data_changes_seen = counters.data;
    return std::move(*cached);
  }

  // Read from storage: the session must not have been idle too long, and now it has been seen.
  // (Between reads the cache answers, so a busy session is written at most once per cache age.)
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto record = unit->http_sessions().find_live(digest, format_iso8601(now), format_iso8601(now - session_idle_timeout));
  if (!record) return std::unexpected(make_error(ErrorCode::unauthenticated, "error.unauthenticated"));
  unit->http_sessions().touch(digest, format_iso8601(now));
  unit->commit();
  Authenticated authenticated{std::move(record->actor), std::move(record->csrf_token), std::nullopt};
  if (const auto expires = parse_iso8601(record->expires_at)) cache.remember(digest, authenticated, *expires, now, counters.sessions);
  // A write came between (the touch): the next read reads the data counter itself.
  return authenticated;
}

}  // namespace diplomado::services
