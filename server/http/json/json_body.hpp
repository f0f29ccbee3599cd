#pragma once
#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

// The request body as a JSON object: 415 when it is not sent as JSON, 400 naming "body" when it
// does not parse or is not an object.
Result<nlohmann::json> parse_json_object(const RequestContext& context);

// A required string member: 400 naming the field when absent or of another type.
Result<std::string> required_string(const nlohmann::json& object, const std::string& field);

std::string dump(const nlohmann::json& value);

// Every list answer has the same shape: items plus page, per_page and total.
nlohmann::json page_json(nlohmann::json items, std::int64_t page, std::int64_t per_page, std::int64_t total);
// A list that is never cut into pages: one page holding everything.
nlohmann::json whole_list_json(nlohmann::json items);

}  // namespace diplomado::http
