#pragma once
#include <mutex>
#include <string>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/sign_in_throttle.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// Failed sign-ins are counted per e-mail and per client address; both must be clear to try.
// A client address gets more free attempts than an account: a whole office may share one
// address, and one person's typos must not lock out the others.
inline constexpr ThrottlePolicy per_client_policy{.free_attempts = 30};

class SignInGuard {
 public:
  explicit SignInGuard(ThrottlePolicy per_email = {}, ThrottlePolicy per_client = per_client_policy)
      : m_by_email(per_email), m_by_client(per_client) {}
  std::optional<std::chrono::seconds> retry_after(const std::string& email, const std::string& client, TimePoint now);
  void record_failure(const std::string& email, const std::string& client, TimePoint now);
  void record_success(const std::string& email);

 private:
  std::mutex m_mutex;
  SignInThrottle m_by_email;
  SignInThrottle m_by_client;
};

struct SignInRequest {
  std::string email;
  std::string password;
  std::string client_address;
};

struct SignedIn {
  std::string session_token;  // goes to the cookie only; the database keeps its digest
  std::string csrf_token;
  std::string expires_at;
  Actor actor;
};

inline constexpr std::chrono::hours session_lifetime{12};

// Wrong e-mail and wrong password fail alike (same error, same work), so the answer does not
// tell which accounts exist.
Result<SignedIn> sign_in(storage::Store& store, SignInGuard& guard, const SignInRequest& request, TimePoint now);

}  // namespace diplomado::services
