#pragma once
#include <string_view>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<void> sign_out(storage::Store& store, const Actor& actor, std::string_view session_token, TimePoint now);

}  // namespace diplomado::services
