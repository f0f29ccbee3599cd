#include "services/session_cache.hpp"

#include <algorithm>

namespace diplomado::services {

std::optional<Authenticated> SessionCache::find(const std::string& token_digest, TimePoint now, std::uint64_t session_generation) {
  std::lock_guard lock(m_mutex);
  const auto found = m_entries.find(token_digest);
  if (found == m_entries.end()) return std::nullopt;
  if (found->second.valid_until <= now || found->second.session_generation != session_generation) {
    m_entries.erase(found);
    return std::nullopt;
  }
  return found->second.authenticated;
}

void SessionCache::remember(const std::string& token_digest, const Authenticated& authenticated, TimePoint session_expires, TimePoint now,
                            std::uint64_t session_generation) {
  std::lock_guard lock(m_mutex);
  if (m_entries.size() >= m_max_entries) {
    std::erase_if(m_entries, [&](const auto& item) { return item.second.valid_until <= now; });
    // Still full of live entries: start afresh rather than grow; they are re-read on demand.
    if (m_entries.size() >= m_max_entries) m_entries.clear();
  }
  m_entries.insert_or_assign(token_digest, Entry{authenticated, std::min(session_expires, now + m_max_age), session_generation});
}

void SessionCache::forget(const std::string& token_digest) {
  std::lock_guard lock(m_mutex);
  m_entries.erase(token_digest);
}

std::size_t SessionCache::size() {
  std::lock_guard lock(m_mutex);
  return m_entries.size();
}

void SessionCache::forget_user(Id user_id) {
  std::lock_guard lock(m_mutex);
  std::erase_if(m_entries, [&](const auto& entry) { return entry.second.authenticated.actor.user_id == user_id; });
}

}  // namespace diplomado::services
