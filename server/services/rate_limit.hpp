#pragma once
// A per-client request budget for public routes (issue 13: the certificate check is public and
// rate-limited): at most `limit` requests per client per window. Thread-safe; the table of
// clients is bounded, so a flood of addresses cannot grow it without end.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/time.hpp"

namespace diplomado::services {

class RateLimit {
 public:
  RateLimit(std::size_t limit, std::chrono::seconds window, std::size_t max_clients = 100000)
      : m_limit(limit), m_window(window), m_max_clients(max_clients) {}

  // True when the request may go ahead; counts it.
  bool allow(const std::string& client, TimePoint now) {
    std::lock_guard lock(m_mutex);
    if (m_counts.size() >= m_max_clients) m_counts.clear();
    auto& entry = m_counts[client];
    if (now - entry.start >= m_window) entry = {now, 0};
    if (entry.count >= m_limit) return false;
    ++entry.count;
    return true;
  }
  std::chrono::seconds window() const { return m_window; }

 private:
  struct Window {
    TimePoint start{};
    std::size_t count = 0;
  };
  std::size_t m_limit;
  std::chrono::seconds m_window;
  std::size_t m_max_clients;
  std::mutex m_mutex;
  std::unordered_map<std::string, Window> m_counts;
};

}  // namespace diplomado::services
