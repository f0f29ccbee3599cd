#include "domain/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

namespace diplomado {
namespace {

std::string fold(std::string_view text) {
  std::string folded(text);
  for (auto& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return folded;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The password without the digits and symbols around it: "Password2023!" -> "password".
std::string_view core_of(std::string_view folded) {
  const auto first = std::ranges::find_if(folded, is_letter);
  if (first == folded.end()) return {};
  const auto last = std::ranges::find_if(folded.rbegin(), folded.rend(), is_letter).base();
  return folded.substr(static_cast<std::size_t>(first - folded.begin()), static_cast<std::size_t>(last - first));
}

// The shortest unit whose repetition makes the text ("abcabcabc" -> "abc"), or the text itself.
std::string_view repeated_unit(std::string_view text) {
  for (std::size_t length = 1; length <= text.size() / 2; ++length) {
    if (text.size() % length != 0) continue;
    bool repeats = true;
    for (std::size_t i = length; i < text.size() && repeats; ++i) repeats = text[i] == text[i % length];
    if (repeats) return text.substr(0, length);
  }
  return text;
}

// Every step goes one up ("123456789012", "abcdefghijkl") or one down, digits wrapping 9 -> 0.
bool is_sequence(std::string_view text) {
  auto step = [](char a, char b) {
    if (a == '9' && b == '0') return 1;
    if (a == '0' && b == '9') return -1;
    return static_cast<int>(static_cast<unsigned char>(b)) - static_cast<int>(static_cast<unsigned char>(a));
  };
  if (text.size() < 3) return false;
  const int first = step(text[0], text[1]);
  if (first != 1 && first != -1) return false;
  for (std::size_t i = 2; i < text.size(); ++i)
    if (step(text[i - 1], text[i]) != first) return false;
  return true;
}

// The keys of a keyboard typed along, row after row ("qwertyuiopas"), either way.
bool is_keyboard_walk(std::string_view text) {
  static constexpr std::string_view walks[] = {"1234567890qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn"};
  const std::string reversed(text.rbegin(), text.rend());
  for (auto walk : walks)
    if (text.size() >= 6 && (walk.find(text) != std::string_view::npos || walk.find(reversed) != std::string_view::npos)) return true;
  return false;
}

std::vector<std::string> name_parts(std::string_view display_name) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : display_name) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ',') {
      if (!current.empty()) parts.push_back(fold(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) parts.push_back(fold(current));
  return parts;
}

bool is_personal(std::string_view folded, const PasswordOwner& owner) {
  const auto email = fold(owner.email);
  const auto local = email.substr(0, email.find('@'));
  if (!email.empty() && folded.find(email) != std::string_view::npos) return true;
  if (local.size() >= 3 && folded.find(local) != std::string_view::npos) return true;
  std::string joined;
  for (const auto& part : name_parts(owner.display_name)) {
    joined += part;
    // A name of four letters or more inside the password ("maria1985maria") gives it away.
    if (part.size() >= 4 && folded.find(part) != std::string_view::npos) return true;
  }
  return joined.size() >= 3 && folded.find(joined) != std::string_view::npos;
}

}  // namespace

CommonPasswords::CommonPasswords(std::string_view list_text) {
  std::size_t start = 0;
  while (start < list_text.size()) {
    auto end = list_text.find('\n', start);
    if (end == std::string_view::npos) end = list_text.size();
    auto line = list_text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && !line.starts_with("#!")) m_words.insert(fold(line));
    start = end + 1;
  }
}

const char* to_string(PasswordProblem problem) {
  switch (problem) {
    case PasswordProblem::too_short: return "too_short";
    case PasswordProblem::too_long: return "too_long";
    case PasswordProblem::common: return "common_password";
    case PasswordProblem::repetitive: return "repetitive_password";
    case PasswordProblem::personal: return "personal_password";
  }
  return "weak_password";
}

const char* message_key(PasswordProblem problem) {
  switch (problem) {
    case PasswordProblem::too_short:
    case PasswordProblem::too_long: return "error.field.password_length";
    case PasswordProblem::common: return "error.password.common";
    case PasswordProblem::repetitive: return "error.password.repetitive";
    case PasswordProblem::personal: return "error.password.personal";
  }
  return "error.field.password_length";
}

std::optional<PasswordProblem> check_password(std::string_view password, const PasswordOwner& owner, const CommonPasswords& common) {
  const auto length = code_points(password);
  if (length < min_password_characters) return PasswordProblem::too_short;
  if (length > max_password_characters) return PasswordProblem::too_long;
  const auto folded = fold(password);
  if (common.contains(folded)) return PasswordProblem::common;
  const auto unit = repeated_unit(folded);
  if (unit.size() < folded.size() || std::set<char>(folded.begin(), folded.end()).size() < 4 || is_sequence(folded) ||
      is_keyboard_walk(folded))
    return PasswordProblem::repetitive;
  const auto core = core_of(folded);
  if (core.size() >= 3 && (common.contains(std::string(core)) || common.contains(std::string(repeated_unit(core)))))
    return PasswordProblem::common;
  if (is_personal(folded, owner)) return PasswordProblem::personal;
  return std::nullopt;
}

}  // namespace diplomado
