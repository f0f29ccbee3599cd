#include "domain/enrollment.hpp"

namespace diplomado {

std::string_view to_string(EnrollmentStatus status) {
  switch (status) {
    case EnrollmentStatus::enrolled: return "enrolled";
    case EnrollmentStatus::withdrawn: return "withdrawn";
    case EnrollmentStatus::completed: return "completed";
    case EnrollmentStatus::graduated: return "graduated";
  }
  return "enrolled";
}

std::optional<EnrollmentStatus> parse_enrollment_status(std::string_view text) {
  for (auto status : {EnrollmentStatus::enrolled, EnrollmentStatus::withdrawn, EnrollmentStatus::completed, EnrollmentStatus::graduated})
    if (to_string(status) == text) return status;
  return std::nullopt;
}

Result<void> check_status_change(EnrollmentStatus from, EnrollmentStatus to, std::string_view reason) {
  using enum EnrollmentStatus;
  const bool allowed = (from == enrolled && (to == withdrawn || to == completed)) || (from == completed && to == graduated);
  if (!allowed)
    return std::unexpected(field_error("status", "transition_not_allowed", "error.enrollment.transition", std::string(to_string(to))));
  if (to == withdrawn && reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return std::unexpected(field_error("withdrawal_reason", "required", "error.field.required"));
  return {};
}

std::string_view to_string(Level level) { return level == Level::national ? "national" : "local"; }

std::optional<Level> parse_level(std::string_view text) {
  if (text == "national") return Level::national;
  if (text == "local") return Level::local;
  return std::nullopt;
}

std::string_view to_string(Sex sex) {
  switch (sex) {
    case Sex::female: return "female";
    case Sex::male: return "male";
    case Sex::other: return "other";
    case Sex::undisclosed: return "undisclosed";
  }
  return "undisclosed";
}

std::optional<Sex> parse_sex(std::string_view text) {
  for (auto sex : {Sex::female, Sex::male, Sex::other, Sex::undisclosed})
    if (to_string(sex) == text) return sex;
  return std::nullopt;
}

}  // namespace diplomado
