#include "http/problem.hpp"

#include <nlohmann/json.hpp>

namespace diplomado::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::payload_too_large: return 413;
    case ErrorCode::unsupported_media_type: return 415;
    case ErrorCode::too_many_requests: return 429;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

HttpResponse problem_response(const Error& error, Language language) {
  const int status = status_for(error.code);
  nlohmann::json body{
      {"type", std::string("about:blank#") + to_string(error.code)},
      {"title", translate(error.message_key, language)},
      {"status", status},
      {"code", error.message_key},
  };
  auto errors = nlohmann::json::array();
  for (const auto& detail : error.details) {
    nlohmann::json item{{"field", detail.field}, {"code", detail.code}, {"message", translate(detail.message_key, language)}};
    item["row"] = detail.row ? nlohmann::json(*detail.row) : nlohmann::json(nullptr);
    if (!detail.value.empty()) item["value"] = detail.value;
    errors.push_back(std::move(item));
  }
  body["errors"] = std::move(errors);
  HttpResponse response{status, "application/problem+json", body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), {}};
  if (error.retry_after_seconds) response.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  return response;
}

HttpResponse json_response(int status, std::string body) { return HttpResponse{status, "application/json", std::move(body), {}}; }

}  // namespace diplomado::http
