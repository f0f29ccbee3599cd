#include "services/sign_in.hpp"

#include "domain/validation.hpp"
#include "services/crypto.hpp"

namespace diplomado::services {

std::optional<std::chrono::seconds> SignInGuard::retry_after(const std::string& email, const std::string& client, TimePoint now) {
  std::lock_guard lock(m_mutex);
  return m_gate.retry_after(email, client, now);
}

void SignInGuard::record_failure(const std::string& email, const std::string& client, TimePoint now) {
  std::lock_guard lock(m_mutex);
  m_gate.record_failure(email, client, now);
}

void SignInGuard::record_success(const std::string& email, const std::string& client) {
  std::lock_guard lock(m_mutex);
  m_gate.record_success(email, client);
}

namespace {
// Verifying against this when the e-mail is unknown costs the same as a real check.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_token(16)).value_or("");
  return hash;
}
}  // namespace

Result<SignedIn> sign_in(storage::Store& store, SignInGuard& guard, const SignInRequest& request, TimePoint now) {
  if (request.email.empty()) return std::unexpected(field_error("email", "required", "error.field.required"));
  if (request.password.empty()) return std::unexpected(field_error("password", "required", "error.field.required"));
  const auto email = normalise_email(request.email);

  if (auto wait = guard.retry_after(email, request.client_address, now)) {
    Error error = make_error(ErrorCode::too_many_requests, "error.sign_in.throttled");
    error.retry_after_seconds = static_cast<int>(wait->count());
    return std::unexpected(error);
  }

  std::optional<storage::UserRecord> user;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    user = unit->users().find_by_email(email);
  }
  // Unknown accounts and accounts with no password yet (invited, not set) cost the same argon2
  // verification as real ones, so the time taken tells nothing about which exist.
  const bool has_password = user && is_password_hash(user->password_hash);
  const bool password_matches = verify_password(has_password ? user->password_hash : decoy_hash(), request.password) && has_password;
  if (!user || user->disabled || !password_matches) {
    guard.record_failure(email, request.client_address, now);
    auto unit = store.begin(storage::TransactionMode::read_write);
    unit->audit().append({user ? std::optional<Id>(user->id) : std::nullopt, "session.sign_in_failed", "app_user",
                          user ? std::optional<Id>(user->id) : std::nullopt, "{}"},
                         format_iso8601(now));
    unit->commit();
    return std::unexpected(make_error(ErrorCode::unauthenticated, "error.sign_in.invalid_credentials"));
  }
  guard.record_success(email, request.client_address);

  SignedIn signed_in;
  signed_in.session_token = random_token(32);
  signed_in.csrf_token = random_token(32);
  signed_in.expires_at = format_iso8601(now + session_lifetime);
  auto unit = store.begin(storage::TransactionMode::read_write);
  unit->http_sessions().remove_expired(format_iso8601(now));
  if (!request.previous_session_token.empty()) unit->http_sessions().remove(token_digest(request.previous_session_token));
  unit->http_sessions().insert(token_digest(signed_in.session_token), user->id, signed_in.csrf_token, format_iso8601(now),
                               signed_in.expires_at);
  unit->audit().append({user->id, "session.sign_in", "app_user", user->id, "{}"}, format_iso8601(now));
  signed_in.actor.user_id = user->id;
  signed_in.actor.email = user->email;
  signed_in.actor.display_name = user->display_name;
  signed_in.actor.grants = unit->users().grants(user->id);
  unit->commit();
  return signed_in;
}

}  // namespace diplomado::services
