#pragma once
// Signed-in sessions: the database keeps only the token's digest. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

struct HttpSessionRecord {
  Actor actor;
  std::string csrf_token;
  std::string expires_at;
};

class HttpSessionRepository {
 public:
  virtual ~HttpSessionRepository() = default;
  virtual void insert(std::string_view token_hash, Id user_id, std::string_view csrf_token, std::string_view created_at,
                      std::string_view expires_at) = 0;
  // The session's actor, if the token names a session of an enabled user that has not expired
  // at `now` and was last seen after `idle_since`.
  virtual std::optional<HttpSessionRecord> find_live(std::string_view token_hash, std::string_view now, std::string_view idle_since) = 0;
  virtual void touch(std::string_view token_hash, std::string_view now) = 0;
  // Ends every session of the user but the one named (empty: all); how many ended.
  virtual std::int64_t remove_all_of(Id user_id, std::string_view except_token_hash) = 0;
  virtual bool remove(std::string_view token_hash) = 0;
  virtual void remove_expired(std::string_view now) = 0;
};

}  // namespace diplomado::storage
