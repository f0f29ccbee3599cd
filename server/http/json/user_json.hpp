#pragma once
#include <nlohmann/json.hpp>

#include "domain/permission.hpp"

namespace diplomado::http {

nlohmann::json to_json(const Actor& actor);

}  // namespace diplomado::http
