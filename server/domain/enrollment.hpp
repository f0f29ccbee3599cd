#pragma once
// An Enrollment's status and the moves allowed between statuses (glossary: Enrollment).
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace diplomado {

enum class EnrollmentStatus { enrolled, withdrawn, completed, graduated };

std::string_view to_string(EnrollmentStatus status);
std::optional<EnrollmentStatus> parse_enrollment_status(std::string_view text);

// enrolled -> withdrawn (a reason is required) | completed; completed -> graduated.
// Withdrawn and graduated are final.
Result<void> check_status_change(EnrollmentStatus from, EnrollmentStatus to, std::string_view reason);

enum class Level { national, local };
std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view text);

enum class Sex { female, male, other, undisclosed };
std::string_view to_string(Sex sex);
std::optional<Sex> parse_sex(std::string_view text);

}  // namespace diplomado
