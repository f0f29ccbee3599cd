#include "domain/sign_in_throttle.hpp"

#include <algorithm>

namespace diplomado {

std::chrono::seconds SignInThrottle::delay_for(int failures) const {
  const int over = failures - m_policy.free_attempts;
  if (over <= 0) return std::chrono::seconds{0};
  auto delay = m_policy.first_delay;
  for (int i = 1; i < over && delay < m_policy.max_delay; ++i) delay *= 2;
  return std::min(delay, m_policy.max_delay);
}

std::optional<ThrottleEntry> MemoryThrottleStore::find(const std::string& key) {
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) return std::nullopt;
  return found->second;
}

void MemoryThrottleStore::save(const std::string& key, const ThrottleEntry& entry) {
  if (m_entries.size() >= m_policy.max_keys && !m_entries.contains(key)) {
    // Full: first forget keys quiet for long enough, then, still full of live keys, drop the
    // oldest rather than grow without bound.
    std::erase_if(m_entries, [&](const auto& item) { return entry.last_failure - item.second.last_failure >= m_policy.forget_after; });
    if (m_entries.size() >= m_policy.max_keys) {
      auto oldest = std::ranges::min_element(m_entries, {}, [](const auto& item) { return item.second.last_failure; });
      m_entries.erase(oldest);
    }
  }
  m_entries.insert_or_assign(key, entry);
}

std::optional<std::chrono::seconds> SignInThrottle::retry_after(const std::string& key, TimePoint now) const {
  const auto entry = m_store->find(key);
  if (!entry) return std::nullopt;
  if (now - entry->last_failure >= m_policy.forget_after) return std::nullopt;
  const auto unlock = entry->last_failure + delay_for(entry->failures);
  if (unlock <= now) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::seconds>(unlock - now);
}

void SignInThrottle::record_failure(const std::string& key, TimePoint now) {
  auto entry = m_store->find(key).value_or(ThrottleEntry{});
  if (entry.failures > 0 && now - entry.last_failure >= m_policy.forget_after) entry.failures = 0;
  ++entry.failures;
  entry.last_failure = now;
  m_store->save(key, entry);
}

void SignInThrottle::record_success(const std::string& key) { m_store->erase(key); }

int SignInThrottle::failures(const std::string& key, TimePoint now) const {
  const auto entry = m_store->find(key);
  if (!entry || now - entry->last_failure >= m_policy.forget_after) return 0;
  return entry->failures;
}

std::optional<std::chrono::seconds> SignInGate::retry_after(const std::string& account, const std::string& address, TimePoint now) const {
  const auto pair = pair_key(account, address);
  std::optional<std::chrono::seconds> wait;
  auto longest = [&](std::optional<std::chrono::seconds> other) {
    if (other && (!wait || *other > *wait)) wait = other;
  };
  longest(m_by_pair.retry_after(pair, now));
  longest(m_by_address.retry_after(address, now));
  if (m_by_pair.failures(pair, now) > 0) longest(m_by_account.retry_after(account, now));
  return wait;
}

void SignInGate::record_failure(const std::string& account, const std::string& address, TimePoint now) {
  m_by_pair.record_failure(pair_key(account, address), now);
  m_by_address.record_failure(address, now);
  m_by_account.record_failure(account, now);
}

void SignInGate::record_success(const std::string& account, const std::string& address) { m_by_pair.record_success(pair_key(account, address)); }

}  // namespace diplomado
