#include "services/sign_in.hpp"

#include <algorithm>

#include "domain/validation.hpp"
#include "services/crypto.hpp"

namespace diplomado::services {

namespace {

// One scope of the throttle's counts in the database, inside a unit of work. Keys are stored as
// digests, so the table holds neither e-mails nor addresses.
class StoredCounts final : public ThrottleStore {
 public:
  StoredCounts(storage::UnitOfWork& unit, std::string scope) : m_unit(unit), m_scope(std::move(scope)) {}
  std::optional<ThrottleEntry> find(const std::string& key) override {
    const auto row = m_unit.users().sign_in_failures(m_scope, token_digest(key));
    if (!row) return std::nullopt;
    const auto at = parse_iso8601(row->second);
    if (!at) return std::nullopt;
    return ThrottleEntry{row->first, *at};
  }
  void save(const std::string& key, const ThrottleEntry& entry) override {
    m_unit.users().save_sign_in_failures(m_scope, token_digest(key), entry.failures, format_iso8601(entry.last_failure));
  }
  void erase(const std::string& key) override { m_unit.users().forget_sign_in_failures(m_scope, token_digest(key)); }

 private:
  storage::UnitOfWork& m_unit;
  std::string m_scope;
};

// The gate over the unit's counts.
struct StoredGate {
  StoredCounts pair, address, account;
  SignInGate gate;
  StoredGate(storage::UnitOfWork& unit, const SignInGatePolicy& policy)
      : pair(unit, "pair"), address(unit, "address"), account(unit, "account"), gate(policy, SignInGateStores{pair, address, account}) {}
};

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

  std::optional<std::chrono::seconds> wait;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    wait = StoredGate(*unit, guard.policy()).gate.retry_after(email, request.client_address, now);
  }
  if (wait) {
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
    auto unit = store.begin(storage::TransactionMode::read_write);
    StoredGate(*unit, guard.policy()).gate.record_failure(email, request.client_address, now);
    // Counts quiet for longer than any policy remembers go, so the table stays small.
    const auto longest = std::max({guard.policy().per_pair.forget_after, guard.policy().per_address.forget_after, guard.policy().per_account.forget_after});
    unit->users().forget_sign_in_failures_before(format_iso8601(now - longest));
    unit->audit().append({user ? std::optional<Id>(user->id) : std::nullopt, "session.sign_in_failed", "app_user",
                          user ? std::optional<Id>(user->id) : std::nullopt, "{}"},
                         format_iso8601(now));
    unit->commit();
    return std::unexpected(make_error(ErrorCode::unauthenticated, "error.sign_in.invalid_credentials"));
  }
  SignedIn signed_in;
  signed_in.session_token = random_token(32);
  signed_in.csrf_token = random_token(32);
  signed_in.expires_at = format_iso8601(now + session_lifetime);
  auto unit = store.begin(storage::TransactionMode::read_write);
  StoredGate(*unit, guard.policy()).gate.record_success(email, request.client_address);
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
