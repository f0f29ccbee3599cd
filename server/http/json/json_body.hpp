#pragma once
#include <nlohmann/json.hpp>

#include "domain/error.hpp"
#include "http/json/json_writer.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

// The request body as a JSON object: 415 when it is not sent as JSON, 400 naming "body" when it
// does not parse or is not an object.
Result<nlohmann::json> parse_json_object(const RequestContext& context);

// A required string member: 400 naming the field when absent or of another type.
Result<std::string> required_string(const nlohmann::json& object, const std::string& field);

// Every list answer has the same shape: items plus page, per_page and total. A list that is
// never cut into pages is one page holding everything (per_page = total).
template <class Item>
std::string list_json(const std::vector<Item>& items, std::int64_t page, std::int64_t per_page, std::int64_t total) {
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& item : items) write(json, item);
  json.end_array().field("page", page).field("per_page", per_page).field("total", total).end_object();
  return json.take();
}

template <class Item>
std::string whole_list_json(const std::vector<Item>& items) {
  const auto total = static_cast<std::int64_t>(items.size());
  return list_json(items, 1, total, total);
}

}  // namespace diplomado::http
