#pragma once
// A row that can be edited goes out with its version as the ETag, which a later If-Match sends
// back (DESIGN.md §4: stale writes get 409).
#include <string>

#include "json/json_writer.hpp"
#include "http/problem.hpp"

namespace diplomado::http {

template <class Value>
HttpResponse versioned_response(int status, const Value& value) {
  JsonWriter json;
  write(json, value);
  auto response = json_response(status, json.take());
  response.headers.emplace_back("ETag", "\"" + std::to_string(value.version) + "\"");
  return response;
}

}  // namespace diplomado::http
