#include "domain/error.hpp"

namespace diplomado {

Error make_error(ErrorCode code, std::string message_key) {
  return Error{code, std::move(message_key), {}, std::nullopt};
}

Error field_error(std::string field, std::string code, std::string message_key, std::string value) {
  Error error{ErrorCode::invalid_input, "error.invalid_input", {}, std::nullopt};
  error.details.push_back(FieldError{std::move(field), std::nullopt, std::move(code), std::move(message_key), std::move(value)});
  return error;
}

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::method_not_allowed: return "method_not_allowed";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::too_many_requests: return "too_many_requests";
    case ErrorCode::payload_too_large: return "payload_too_large";
    case ErrorCode::header_too_large: return "header_too_large";
    case ErrorCode::unsupported_media_type: return "unsupported_media_type";
    case ErrorCode::unprocessable: return "unprocessable";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

Error invalid_fields(std::vector<FieldError> details) {
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  error.details = std::move(details);
  return error;
}

}  // namespace diplomado
