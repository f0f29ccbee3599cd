#pragma once
#include <string_view>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "services/session_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// Ends the session in storage and in the cache, so the token stops working at once.
Result<void> sign_out(storage::Store& store, SessionCache& cache, const Actor& actor, std::string_view session_token, TimePoint now);

}  // namespace diplomado::services
