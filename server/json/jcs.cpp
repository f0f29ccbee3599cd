#include "json/jcs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

namespace diplomado {
namespace {

// A UTF-8 name as UTF-16 code units, for the order RFC 8785 §3.2.3 sets.
std::u16string utf16(const std::string& text) {
  std::u16string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t code = 0;
    std::size_t length = 1;
    if (byte < 0x80) code = byte;
    else if ((byte >> 5) == 0x6) code = byte & 0x1f, length = 2;
    else if ((byte >> 4) == 0xe) code = byte & 0x0f, length = 3;
    else code = byte & 0x07, length = 4;
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      out += static_cast<char16_t>(0xd800 + (code >> 10));
      out += static_cast<char16_t>(0xdc00 + (code & 0x3ff));
    } else {
      out += static_cast<char16_t>(code);
    }
  }
  return out;
}

void write(const nlohmann::json& value, std::string& out) {
  using Type = nlohmann::json::value_t;
  switch (value.type()) {
    case Type::object: {
      std::vector<std::pair<std::u16string, const std::string*>> names;
      names.reserve(value.size());
      for (const auto& [name, member] : value.items()) names.emplace_back(utf16(name), &name);
      std::sort(names.begin(), names.end());
      out += '{';
      bool first = true;
      for (const auto& [key, name] : names) {
        if (!first) out += ',';
        first = false;
        out += nlohmann::json(*name).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
        out += ':';
        write(value.at(*name), out);
      }
      out += '}';
      return;
    }
    case Type::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        write(item, out);
      }
      out += ']';
      return;
    }
    // Every number is an IEEE double in JCS, integers included.
    case Type::number_integer: out += ecmascript_number(static_cast<double>(value.get<std::int64_t>())); return;
    case Type::number_unsigned: out += ecmascript_number(static_cast<double>(value.get<std::uint64_t>())); return;
    case Type::number_float: out += ecmascript_number(value.get<double>()); return;
    // nlohmann escapes as ECMAScript does: \b \f \n \r \t, other controls as \u00xx (lower
    // case), '"' and '\'; everything else, '/' included, as it is.
    default: out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict); return;
  }
}

}  // namespace

std::string ecmascript_number(double value) {
  if (!std::isfinite(value)) throw std::domain_error("JCS has no NaN or Infinity");
  if (value == 0) return "0";
  // fmt writes the shortest digits that read back to the same double; ECMAScript's layout is
  // then applied to those digits (ECMA-262, Number::toString).
  std::string text = fmt::format("{}", value);
  const bool negative = text.front() == '-';
  if (negative) text.erase(0, 1);
  std::string digits;
  int exponent = 0;  // value = 0.d1d2... × 10^n, with n below
  const auto e = text.find('e');
  const std::string mantissa = text.substr(0, e);
  if (e != std::string::npos) exponent = std::stoi(text.substr(e + 1));
  const auto point = mantissa.find('.');
  const std::string integral = mantissa.substr(0, point), fraction = point == std::string::npos ? "" : mantissa.substr(point + 1);
  digits = integral + fraction;
  int n = static_cast<int>(integral.size()) + exponent;
  const auto leading = digits.find_first_not_of('0');
  n -= static_cast<int>(leading);
  digits.erase(0, leading);
  digits.erase(digits.find_last_not_of('0') + 1);
  const int k = static_cast<int>(digits.size());
  std::string out = negative ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n)) + '.' + digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += '.' + digits.substr(1);
    const int power = n - 1;
    out += fmt::format("e{}{}", power < 0 ? '-' : '+', std::abs(power));
  }
  return out;
}

std::string canonical_json(const nlohmann::json& value) {
  std::string out;
  write(value, out);
  return out;
}

}  // namespace diplomado
