#pragma once
#include <nlohmann/json.hpp>

#include "domain/programme.hpp"

namespace diplomado::http {

nlohmann::json to_json(const ParticipantRow& participant);

}  // namespace diplomado::http
