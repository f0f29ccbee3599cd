#include "http/json/json_body.hpp"

namespace diplomado::http {

Result<nlohmann::json> parse_json_object(const RequestContext& context) {
  const auto type = std::string_view(context.content_type).substr(0, context.content_type.find(';'));
  if (type != "application/json") return std::unexpected(make_error(ErrorCode::unsupported_media_type, "error.unsupported_media_type"));
  auto parsed = nlohmann::json::parse(context.body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    Error error = make_error(ErrorCode::invalid_input, "error.malformed_json");
    error.details.push_back({"body", std::nullopt, "malformed_json", "error.malformed_json", ""});
    return std::unexpected(error);
  }
  return parsed;
}

Result<std::string> required_string(const nlohmann::json& object, const std::string& field) {
  const auto found = object.find(field);
  if (found == object.end() || found->is_null()) return std::unexpected(field_error(field, "required", "error.field.required"));
  if (!found->is_string()) return std::unexpected(field_error(field, "type_string", "error.field.type_string"));
  return found->get<std::string>();
}

}  // namespace diplomado::http
