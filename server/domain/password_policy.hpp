#pragma once
// The site's password rule (issue 15): 12 to 1024 characters; not a common password, nor one
// built on one (a common word with digits or symbols around it, or repeated); not a run of one
// character, a short repeated unit or a keyboard sequence; not the user's name or e-mail.
// Pure: the list of common passwords comes in as text (one a line; "#!" lines are comments).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace diplomado {

inline constexpr std::size_t min_password_characters = 12;
inline constexpr std::size_t max_password_characters = 1024;

enum class PasswordProblem { too_short, too_long, common, repetitive, personal };

// The message key that tells the user what is wrong and what to do ("error.password.common", ...).
const char* message_key(PasswordProblem problem);
const char* to_string(PasswordProblem problem);

class CommonPasswords {
 public:
  explicit CommonPasswords(std::string_view list_text);
  bool contains(std::string_view folded) const { return m_words.contains(std::string(folded)); }
  std::size_t size() const { return m_words.size(); }

 private:
  std::unordered_set<std::string> m_words;
};

struct PasswordOwner {
  std::string_view email;
  std::string_view display_name;
};

std::optional<PasswordProblem> check_password(std::string_view password, const PasswordOwner& owner, const CommonPasswords& common);

}  // namespace diplomado
