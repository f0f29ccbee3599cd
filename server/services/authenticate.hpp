#pragma once
#include <string_view>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "services/session_cache.hpp"
#include "services/sign_in.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The actor behind a session token, if the session is live: from the cache when it is there,
// otherwise from storage (and then remembered).
Result<Authenticated> authenticate(storage::Store& store, SessionCache& cache, std::string_view session_token, TimePoint now);

}  // namespace diplomado::services
