#include "documents/user_listing.hpp"

namespace diplomado {

void write(JsonWriter& json, const services::UserView& user) {
  json.begin_object()
      .field("id", user.id)
      .field("email", user.email)
      .field("display_name", user.display_name)
      .field("disabled", user.disabled)
      .field("has_password", user.has_password);
  json.key("grants").begin_array();
  for (const auto& grant : user.grants)
    json.begin_object()
        .field("id", grant.id)
        .field("role", to_string(grant.role))
        .field("programme_id", grant.programme_id)
        .key("programme_code")
        .text_or_null(grant.programme_code)
        .end_object();
  json.end_array().end_object();
}

void write(JsonWriter& json, const AuditRecord& event) {
  json.begin_object()
      .field("id", event.id)
      .field("at", event.at)
      .key("actor")
      .text_or_null(event.actor_email)
      .field("action", event.action)
      .field("entity", event.entity)
      .field("entity_id", event.entity_id)
      .key("details")
      .fragment(event.details_json.empty() ? "{}" : event.details_json)
      .field("request_id", event.request_id)
      .end_object();
}

}  // namespace diplomado
