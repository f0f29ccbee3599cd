#include "domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {
const CommonPasswords common("#!comment: a few of the list's words\npassword\nmonkey\ndragon\r\nqwerty\nletmein\n");
const PasswordOwner owner{"migdalia.vasquez@example.pa", "Migdalia Vásquez"};
}  // namespace

TEST(PasswordPolicy, ReadsTheListWithoutComments) { EXPECT_EQ(common.size(), 5u); }

TEST(PasswordPolicy, RefusesWeakPasswordsNamingWhy) {
  const struct {
    std::string password;
    std::optional<PasswordProblem> problem;
  } cases[] = {
      {"short", PasswordProblem::too_short},
      {"elevenchars", PasswordProblem::too_short},
      {"ñandúñandú", PasswordProblem::too_short},  // ten characters, more bytes
      {"aaaaaaaaaaaa", PasswordProblem::repetitive},
      {"passwordpassword", PasswordProblem::repetitive},
      {"abcabcabcabc", PasswordProblem::repetitive},
      {"123456789012", PasswordProblem::repetitive},
      {"qwertyuiopas", PasswordProblem::repetitive},
      {"ababababbaba", PasswordProblem::repetitive},  // three distinct characters
      {"Password2023!", PasswordProblem::common},
      {"!!monkey1234", PasswordProblem::common},
      {"DragonDragon99", PasswordProblem::common},
      {"migdalia.vasquez@example.pa", PasswordProblem::personal},
      {"xMigdalia1985!", PasswordProblem::personal},
      {"mi-clave-migdalia.vasquez", PasswordProblem::personal},
      {"twelve-chars", std::nullopt},
      {"correct horse battery", std::nullopt},
      {"Río Chucunaque 2023", std::nullopt},
      {std::string(1024, 'x') + "y", PasswordProblem::too_long},
  };
  for (const auto& c : cases) EXPECT_EQ(check_password(c.password, owner, common), c.problem) << c.password;
}

TEST(PasswordPolicy, EveryProblemHasAMessage) {
  for (auto problem : {PasswordProblem::too_short, PasswordProblem::too_long, PasswordProblem::common, PasswordProblem::repetitive,
                       PasswordProblem::personal})
    EXPECT_TRUE(std::string(message_key(problem)).starts_with("error.")) << to_string(problem);
}

}  // namespace diplomado
