#pragma once
// Live sessions kept in memory for a short while, so most requests authenticate without a
// database round trip. An entry lives at most `max_age` (and never past the session's expiry);
// sign-out removes it at once. A change made by another process (a grant added with the CLI
// while the server runs) is seen within max_age.
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/permission.hpp"
#include "domain/time.hpp"

namespace diplomado::services {

struct Authenticated {
  Actor actor;
  std::string csrf_token;
};

class SessionCache {
 public:
  explicit SessionCache(std::chrono::seconds max_age = std::chrono::seconds{30}, std::size_t max_entries = 10000)
      : m_max_age(max_age), m_max_entries(max_entries) {}

  std::optional<Authenticated> find(const std::string& token_digest, TimePoint now);
  void remember(const std::string& token_digest, const Authenticated& authenticated, TimePoint session_expires, TimePoint now);
  void forget(const std::string& token_digest);
  // Every session of this user: their grants changed here, so the next request reads them anew.
  void forget_user(Id user_id);
  std::size_t size();

 private:
  struct Entry {
    Authenticated authenticated;
    TimePoint valid_until;
  };
  std::chrono::seconds m_max_age;
  std::size_t m_max_entries;
  std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace diplomado::services
