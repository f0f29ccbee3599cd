#include "http/json/user_json.hpp"

namespace diplomado {

void write(JsonWriter& json, const Actor& actor) {
  json.begin_object().field("id", actor.user_id).field("email", actor.email).field("display_name", actor.display_name);
  json.key("grants").begin_array();
  for (const auto& grant : actor.grants) {
    json.begin_object().field("role", to_string(grant.role)).key("programme_id");
    if (grant.programme_id) {
      json.value(*grant.programme_id);
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array().end_object();
}

}  // namespace diplomado
