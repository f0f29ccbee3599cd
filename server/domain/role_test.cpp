#include "domain/role.hpp"

#include <gtest/gtest.h>

#include "domain/messages.hpp"

namespace diplomado {

TEST(Role, EveryRoleRoundTripsThroughItsName) {
  for (auto role : {Role::coordinator, Role::instructor, Role::juror, Role::group_leader, Role::participant, Role::observer})
    EXPECT_EQ(parse_role(to_string(role)), role) << to_string(role);
}

TEST(Role, UnknownNamesAreRefused) {
  for (const char* text : {"", "admin", "Coordinator", "coordinator "}) EXPECT_FALSE(parse_role(text).has_value()) << text;
}

TEST(Messages, SpanishIsTheDefaultAndEnglishIsChosenWhenFirst) {
  struct Case {
    const char* header;
    Language expected;
  };
  for (const auto& [header, expected] : {Case{"", Language::es}, Case{"en-US,en;q=0.9", Language::en}, Case{"es-PA,es;q=0.9", Language::es},
                                         Case{"fr-FR,en;q=0.5", Language::en}, Case{"de", Language::es}, Case{"en_US.UTF-8", Language::en},
                                         Case{"C.UTF-8", Language::es}, Case{"eng", Language::es}})
    EXPECT_EQ(pick_language(header), expected) << header;
}

TEST(Messages, KeysTranslateInBothLanguagesAndUnknownKeysShowThemselves) {
  EXPECT_EQ(translate("error.sign_in.invalid_credentials", Language::es), "Correo o contraseña incorrectos.");
  EXPECT_EQ(translate("error.sign_in.invalid_credentials", Language::en), "Wrong e-mail or password.");
  EXPECT_EQ(translate("no.such.key", Language::en), "no.such.key");
  EXPECT_GT(message_count(), 30u);
  for (const char* key : {"error.csrf", "error.payload_too_large", "error.route_not_found", "error.database.newer_schema", "error.port_in_use"})
    EXPECT_TRUE(has_both_languages(key)) << key;
}

}  // namespace diplomado
