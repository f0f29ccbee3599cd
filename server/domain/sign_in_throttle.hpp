#pragma once
// Slows down password guessing: after a few failures for the same key (an e-mail, or a client
// address), further attempts are refused for a delay that doubles with each failure, up to a cap.
// Pure: the caller passes the time, so tests need no clock.
#include <chrono>
#include <cstddef>
#include <memory>
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

struct ThrottleEntry {
  int failures = 0;
  std::chrono::sys_seconds last_failure{};
};

// Where a throttle keeps its counts: in this process's memory (MemoryThrottleStore), or in the
// database, where every server reads and writes the same counts and a restart forgets nothing
// (services/sign_in.cpp).
class ThrottleStore {
 public:
  virtual ~ThrottleStore() = default;
  virtual std::optional<ThrottleEntry> find(const std::string& key) = 0;
  virtual void save(const std::string& key, const ThrottleEntry& entry) = 0;
  virtual void erase(const std::string& key) = 0;
};

class MemoryThrottleStore final : public ThrottleStore {
 public:
  explicit MemoryThrottleStore(const ThrottlePolicy& policy) : m_policy(policy) {}
  std::optional<ThrottleEntry> find(const std::string& key) override;
  void save(const std::string& key, const ThrottleEntry& entry) override;
  void erase(const std::string& key) override { m_entries.erase(key); }
  std::size_t size() const { return m_entries.size(); }

 private:
  ThrottlePolicy m_policy;
  std::unordered_map<std::string, ThrottleEntry> m_entries;
};

class SignInThrottle {
 public:
  using TimePoint = std::chrono::sys_seconds;

  // Counts kept in memory.
  explicit SignInThrottle(ThrottlePolicy policy = {}) : m_policy(policy), m_memory(std::make_unique<MemoryThrottleStore>(policy)), m_store(m_memory.get()) {}
  // Counts kept in `store`, which outlives the throttle.
  SignInThrottle(ThrottlePolicy policy, ThrottleStore& store) : m_policy(policy), m_store(&store) {}

  // How long the caller must still wait before trying this key, or nothing if it may try now.
  std::optional<std::chrono::seconds> retry_after(const std::string& key, TimePoint now) const;
  void record_failure(const std::string& key, TimePoint now);
  void record_success(const std::string& key);
  // Failures counted for this key and not yet forgotten at `now`.
  int failures(const std::string& key, TimePoint now) const;
  // Keys held in memory (0 when the counts are kept elsewhere).
  std::size_t tracked_keys() const { return m_memory ? m_memory->size() : 0; }

 private:
  std::chrono::seconds delay_for(int failures) const;

  ThrottlePolicy m_policy;
  std::unique_ptr<MemoryThrottleStore> m_memory;
  ThrottleStore* m_store;
};

// The sign-in rule (docs/security.md): failures are counted three ways, and a guess waits while
// any count that applies to it is past its free attempts.
//  - per (account, address): one source guessing one account;
//  - per address: one source spraying many accounts (more free attempts: an office shares one);
//  - per account: many sources guessing one account. This count applies only to sources that
//    have themselves failed on the account, so an attacker's failures cost the attacker: the
//    owner, signing in from an address that has not been failing, is never kept waiting.
// Never a hard lock: each wait ends, and doubles only with further failures.
struct SignInGatePolicy {
  ThrottlePolicy per_pair{.free_attempts = 5};
  ThrottlePolicy per_address{.free_attempts = 30};
  ThrottlePolicy per_account{.free_attempts = 10};
};

// The three counts' stores, e.g. one table's three scopes.
struct SignInGateStores {
  ThrottleStore& per_pair;
  ThrottleStore& per_address;
  ThrottleStore& per_account;
};

class SignInGate {
 public:
  using TimePoint = SignInThrottle::TimePoint;
  // Counts kept in memory.
  explicit SignInGate(SignInGatePolicy policy = {})
      : m_by_pair(policy.per_pair), m_by_address(policy.per_address), m_by_account(policy.per_account) {}
  SignInGate(SignInGatePolicy policy, SignInGateStores stores)
      : m_by_pair(policy.per_pair, stores.per_pair), m_by_address(policy.per_address, stores.per_address), m_by_account(policy.per_account, stores.per_account) {}

  std::optional<std::chrono::seconds> retry_after(const std::string& account, const std::string& address, TimePoint now) const;
  void record_failure(const std::string& account, const std::string& address, TimePoint now);
  // The owner got in from here: this source starts afresh; the account's count from other
  // sources stays (the attacker gains nothing when the owner signs in).
  void record_success(const std::string& account, const std::string& address);

 private:
  static std::string pair_key(const std::string& account, const std::string& address) { return account + '\n' + address; }
  SignInThrottle m_by_pair;
  SignInThrottle m_by_address;
  SignInThrottle m_by_account;
};

}  // namespace diplomado
