#include "http/json/user_json.hpp"

namespace diplomado::http {

nlohmann::json to_json(const Actor& actor) {
  auto grants = nlohmann::json::array();
  for (const auto& grant : actor.grants)
    grants.push_back({{"role", std::string(to_string(grant.role))},
                      {"programme_id", grant.programme_id ? nlohmann::json(*grant.programme_id) : nlohmann::json(nullptr)}});
  return {{"id", actor.user_id}, {"email", actor.email}, {"display_name", actor.display_name}, {"grants", grants}};
}

}  // namespace diplomado::http
