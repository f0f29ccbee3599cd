#pragma once
// Live sessions kept in memory for a short while, so most requests authenticate with one small
// read (the change counters, Store::change_counters) instead of the session's rows. An entry
// lives at most `max_age` (and never past the session's expiry), and only while the counter it
// was read under is unchanged: a sign-out, a disabled account or a changed grant, made by this
// server, another server on the same database or the CLI, counts on the next request.
#include <chrono>
#include <cstdint>
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
  // The data counter read with the session counter (PostgreSQL), for the request's first
  // read-only unit (storage::Store::begin); set anew on every authentication, never cached.
  std::optional<std::uint64_t> data_changes_seen;
};

class SessionCache {
 public:
  explicit SessionCache(std::chrono::seconds max_age = std::chrono::seconds{30}, std::size_t max_entries = 10000)
      : m_max_age(max_age), m_max_entries(max_entries) {}

  std::optional<Authenticated> find(const std::string& token_digest, TimePoint now, std::uint64_t session_generation);
  void remember(const std::string& token_digest, const Authenticated& authenticated, TimePoint session_expires, TimePoint now,
                std::uint64_t session_generation);
  void forget(const std::string& token_digest);
  // Every session of this user: their grants changed here, so the next request reads them anew.
  void forget_user(Id user_id);
  std::size_t size();

 private:
  struct Entry {
    Authenticated authenticated;
    TimePoint valid_until;
    std::uint64_t session_generation;
  };
  std::chrono::seconds m_max_age;
  std::size_t m_max_entries;
  std::mutex m_mutex;
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace diplomado::services
