#pragma once
// The one error idiom: recoverable failures are values, never exceptions (DESIGN.md §4).
#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace diplomado {

enum class ErrorCode {
  invalid_input,      // a field or row is wrong
  unauthenticated,    // no valid session, or wrong credentials
  forbidden,          // signed in, but the role does not allow it
  not_found,
  method_not_allowed,
  conflict,           // stale version, duplicate key
  too_many_requests,  // throttled
  payload_too_large,
  header_too_large,
  unsupported_media_type,
  unprocessable,      // a file read whole whose rows are in error: nothing was written
  unavailable,        // storage could not be reached
  internal,
};

// One problem with one field (and, for imports, one row). message_key is looked up in the
// message catalogue in the user's language; value is echoed back so the user sees what was wrong.
struct FieldError {
  std::string field;
  std::optional<long> row;
  std::string code;
  std::string message_key;
  std::string value;
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message_key;
  std::vector<FieldError> details;
  std::optional<int> retry_after_seconds;
};

template <class T>
using Result = std::expected<T, Error>;

Error make_error(ErrorCode code, std::string message_key);
Error field_error(std::string field, std::string code, std::string message_key, std::string value = {});
// "The request has invalid data", with every field in error.
Error invalid_fields(std::vector<FieldError> details);
const char* to_string(ErrorCode code);

}  // namespace diplomado
