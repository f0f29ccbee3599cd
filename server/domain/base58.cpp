#include "domain/base58.hpp"

#include <algorithm>
#include <array>

namespace diplomado {
namespace {

constexpr std::string_view alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

}  // namespace

// Repeated division of a big-endian number by 58; leading zero bytes become leading '1's.
std::string base58_encode(const std::vector<std::uint8_t>& bytes) {
  const auto zeros = static_cast<std::size_t>(std::find_if(bytes.begin(), bytes.end(), [](auto b) { return b != 0; }) - bytes.begin());
  std::vector<std::uint8_t> digits;  // base 58, least significant first
  for (auto it = bytes.begin() + static_cast<std::ptrdiff_t>(zeros); it != bytes.end(); ++it) {
    unsigned carry = *it;
    for (auto& digit : digits) {
      carry += static_cast<unsigned>(digit) << 8;
      digit = static_cast<std::uint8_t>(carry % 58);
      carry /= 58;
    }
    while (carry > 0) {
      digits.push_back(static_cast<std::uint8_t>(carry % 58));
      carry /= 58;
    }
  }
  std::string text(zeros, '1');
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) text += alphabet[*it];
  return text;
}

std::optional<std::vector<std::uint8_t>> base58_decode(std::string_view text) {
  const auto ones = static_cast<std::size_t>(std::find_if(text.begin(), text.end(), [](char c) { return c != '1'; }) - text.begin());
  std::vector<std::uint8_t> bytes;  // base 256, least significant first
  for (auto it = text.begin() + static_cast<std::ptrdiff_t>(ones); it != text.end(); ++it) {
    const auto position = alphabet.find(*it);
    if (position == std::string_view::npos) return std::nullopt;
    unsigned carry = static_cast<unsigned>(position);
    for (auto& byte : bytes) {
      carry += static_cast<unsigned>(byte) * 58;
      byte = static_cast<std::uint8_t>(carry & 0xff);
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push_back(static_cast<std::uint8_t>(carry & 0xff));
      carry >>= 8;
    }
  }
  std::vector<std::uint8_t> result(ones, 0);
  result.insert(result.end(), bytes.rbegin(), bytes.rend());
  return result;
}

}  // namespace diplomado
