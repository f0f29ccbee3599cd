#pragma once
#include <string>
#include <string_view>

namespace diplomado {

// A pragmatic e-mail check: one @, a non-empty local part, a dotted domain, no spaces or controls.
bool is_valid_email(std::string_view email);

// E-mail addresses are compared case-insensitively (ASCII) and without surrounding spaces.
std::string normalise_email(std::string_view email);

// The site's password rule: at least 12 characters (bytes of UTF-8), at most 1024.
inline constexpr std::size_t min_password_length = 12;
inline constexpr std::size_t max_password_length = 1024;
bool is_acceptable_password(std::string_view password);

}  // namespace diplomado
