#pragma once
// Request bodies: read once, within limits, into typed structs (json/json_reader.hpp), and the
// shape every list answer has.
#include "http/request_context.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace diplomado::http {

// The request body as a JSON object: 415 when it is not sent as JSON, 400 naming "body" when it
// does not parse, is not an object, nests too deep or holds too many values.
Result<nlohmann::json> parse_json_object(const RequestContext& context);

// Reads a whole JSON body into T: a struct through its describe(), or a map of one type. 415/400
// as parse_json_object, then 400 listing every member in error.
template <class T>
Result<T> read_body(const RequestContext& context, Bounds bounds = {}) {
  auto parsed = parse_json_object(context);
  if (!parsed) return std::unexpected(parsed.error());
  T value{};
  auto errors = read_json(*parsed, value, bounds);
  if (!errors.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
    error.details = std::move(errors);
    return std::unexpected(std::move(error));
  }
  return value;
}

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
