#pragma once
#include <string>
#include <string_view>

namespace diplomado {

// A pragmatic e-mail check: one @, a non-empty local part, a dotted domain, no spaces or controls.
bool is_valid_email(std::string_view email);

// E-mail addresses are compared case-insensitively (ASCII) and without surrounding spaces.
std::string normalise_email(std::string_view email);


}  // namespace diplomado
