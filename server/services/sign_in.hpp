#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/sign_in_throttle.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The sign-in rule (domain SignInGate, docs/security.md). Its counts live in the database
// (sign_in_failure), so every server counts the same failures and a restart forgets none; the
// guard holds the policy.
class SignInGuard {
 public:
  explicit SignInGuard(SignInGatePolicy policy = {}) : m_policy(policy) {}
  const SignInGatePolicy& policy() const { return m_policy; }

 private:
  SignInGatePolicy m_policy;
};

struct SignInRequest {
  std::string email;
  std::string password;
  std::string client_address;
  std::string previous_session_token = {};  // the cookie the browser still had: ended, so the id rotates
};

struct SignedIn {
  std::string session_token;  // goes to the cookie only; the database keeps its digest
  std::string csrf_token;
  std::string expires_at;
  Actor actor;
};

// A session ends 12 hours after sign-in whatever happens (absolute), or after an hour without a
// request (idle).
inline constexpr std::chrono::hours session_lifetime{12};
inline constexpr std::chrono::minutes session_idle_timeout{60};

// Wrong e-mail and wrong password fail alike (same error, same work), so the answer does not
// tell which accounts exist.
Result<SignedIn> sign_in(storage::Store& store, SignInGuard& guard, const SignInRequest& request, TimePoint now);

}  // namespace diplomado::services
