#pragma once
// The site's password rule (domain/password_policy) with the list of common passwords that the
// build takes from Debian's john-data (/usr/share/john/password.lst) and compiles in.
#include <optional>
#include <string_view>

#include "domain/error.hpp"
#include "domain/password_policy.hpp"

namespace diplomado::services {

const CommonPasswords& common_passwords();

// The "password" field's error when this password may not be used by this person, or nothing.
std::optional<FieldError> password_error(std::string_view password, std::string_view email, std::string_view display_name);

}  // namespace diplomado::services
