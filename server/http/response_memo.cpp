#include "http/response_memo.hpp"

#include <optional>

namespace diplomado::http {

std::optional<std::string> ResponseMemo::lookup(const std::string& key, const std::shared_ptr<const void>& identity) {
  std::lock_guard lock(m_mutex);
  const auto found = m_entries.find(key);
  if (found == m_entries.end()) return std::nullopt;
  const auto& source = found->second.source;
  // Same owner and still alive: the very object the JSON was written from.
  if (source.expired() || source.owner_before(identity) || identity.owner_before(source)) return std::nullopt;
  return found->second.text;
}

void ResponseMemo::remember(const std::string& key, const std::shared_ptr<const void>& identity, const std::string& text) {
  std::lock_guard lock(m_mutex);
  if (m_entries.size() >= m_max_entries) std::erase_if(m_entries, [](const auto& item) { return item.second.source.expired(); });
  if (m_entries.size() >= m_max_entries) m_entries.clear();
  m_entries.insert_or_assign(key, Entry{identity, text});
}

}  // namespace diplomado::http
