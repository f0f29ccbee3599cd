#include "http/problem.hpp"

#include "json/json_writer.hpp"

namespace diplomado::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::method_not_allowed: return 405;
    case ErrorCode::conflict: return 409;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::header_too_large: return 431;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::unprocessable: return 422;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

// A stable URI per error code, listed in docs/api/openapi.yaml (components/schemas/Problem).
std::string problem_type(ErrorCode code) { return std::string("urn:diplomado:problem:") + to_string(code); }

HttpResponse problem_response(const Error& error, Language language) {
  const int status = status_for(error.code);
  JsonWriter json;
  json.begin_object()
      .field("type", problem_type(error.code))
      .field("title", translate(error.message_key, language))
      .field("status", status)
      .field("code", error.message_key);
  json.key("errors").begin_array();
  for (const auto& detail : error.details) {
    json.begin_object().field("field", detail.field).key("row");
    if (detail.row) {
      json.value(static_cast<std::int64_t>(*detail.row));
    } else {
      json.null();
    }
    json.field("code", detail.code).field("message", translate(detail.message_key, language));
    if (!detail.value.empty()) json.field("value", detail.value);
    json.end_object();
  }
  json.end_array().end_object();
  HttpResponse response{status, "application/problem+json", json.take(), {}};
  if (error.retry_after_seconds) response.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  return response;
}

HttpResponse json_response(int status, std::string body) { return HttpResponse{status, "application/json", std::move(body), {}}; }

}  // namespace diplomado::http
