#pragma once
// Slows down password guessing: after a few failures for the same key (an e-mail, or a client
// address), further attempts are refused for a delay that doubles with each failure, up to a cap.
// Pure: the caller passes the time, so tests need no clock.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

namespace diplomado {

struct ThrottlePolicy {
  int free_attempts = 5;                          // failures allowed before any delay
  std::chrono::seconds first_delay{30};           // delay after the first failure past free_attempts
  std::chrono::seconds max_delay{15 * 60};        // the doubling stops here
  std::chrono::seconds forget_after{60 * 60};     // a key quiet for this long starts afresh
  std::size_t max_keys = 100000;                  // bounds memory under a spray of keys
};

class SignInThrottle {
 public:
  using TimePoint = std::chrono::sys_seconds;

  explicit SignInThrottle(ThrottlePolicy policy = {}) : m_policy(policy) {}

  // How long the caller must still wait before trying this key, or nothing if it may try now.
  std::optional<std::chrono::seconds> retry_after(const std::string& key, TimePoint now) const;
  void record_failure(const std::string& key, TimePoint now);
  void record_success(const std::string& key);
  std::size_t tracked_keys() const { return m_entries.size(); }

 private:
  struct Entry {
    int failures = 0;
    TimePoint last_failure{};
  };
  std::chrono::seconds delay_for(int failures) const;
  void forget_stale(TimePoint now);

  ThrottlePolicy m_policy;
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace diplomado
