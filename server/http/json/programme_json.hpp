#pragma once
#include <nlohmann/json.hpp>

#include "services/get_programme.hpp"

namespace diplomado::http {

nlohmann::json to_json(const LocalizedText& text);
nlohmann::json to_json(const ProgrammeSummary& programme);
nlohmann::json to_json(const services::ProgrammeDetail& detail);
nlohmann::json to_json(const TeamView& team);

}  // namespace diplomado::http
