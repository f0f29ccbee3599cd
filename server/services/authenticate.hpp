#pragma once
#include <string_view>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct Authenticated {
  Actor actor;
  std::string csrf_token;
};

// The actor behind a session token, if the session is live.
Result<Authenticated> authenticate(storage::Store& store, std::string_view session_token, TimePoint now);

}  // namespace diplomado::services
