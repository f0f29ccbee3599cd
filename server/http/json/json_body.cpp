#include "http/json/json_body.hpp"

namespace diplomado::http {

Result<nlohmann::json> parse_json_object(const RequestContext& context) {
  const auto type = std::string_view(context.content_type).substr(0, context.content_type.find(';'));
  if (type != "application/json") return std::unexpected(make_error(ErrorCode::unsupported_media_type, "error.unsupported_media_type"));
  auto parsed = parse_bounded_json(context.body);
  if (!parsed) return parsed;
  if (!parsed->is_object()) return std::unexpected(field_error("body", "malformed_json", "error.malformed_json"));
  return parsed;
}


}  // namespace diplomado::http
