#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include "domain/text_key.hpp"
#include "domain/time.hpp"

namespace diplomado {

TEST(Validation, Emails) {
  for (const char* good : {"a@b.pa", "jose.paladin@migracion.gob.pa", "x+y@sub.domain.org"}) EXPECT_TRUE(is_valid_email(good)) << good;
  for (const char* bad : {"", "a", "a@b", "@b.pa", "a@@b.pa", "a b@c.pa", "a@b..pa", "a@b.pa.", "a@.pa", "a@b.pa\n"})
    EXPECT_FALSE(is_valid_email(bad)) << bad;
  EXPECT_EQ(normalise_email("  Jose.Paladin@Migracion.GOB.pa "), "jose.paladin@migracion.gob.pa");
}

TEST(Time, Iso8601InUtc) {
  EXPECT_EQ(format_iso8601(TimePoint{std::chrono::seconds{0}}), "1970-01-01T00:00:00Z");
  // 2023-10-11 17:30:05 UTC, the model course's last day.
  EXPECT_EQ(format_iso8601(TimePoint{std::chrono::seconds{1697045405}}), "2023-10-11T17:30:05Z");
}

TEST(Time, ParsesWhatItWrites) {
  for (long seconds : {0L, 1697045405L, 951782400L /* 2000-02-29 */}) {
    const TimePoint time{std::chrono::seconds{seconds}};
    EXPECT_EQ(parse_iso8601(format_iso8601(time)), time) << seconds;
  }
  for (const char* bad : {"", "2023-10-11", "2023-10-11T17:30:05", "2023-02-30T00:00:00Z", "2023-10-11T24:00:00Z", "2023-1a-11T00:00:00Z",
                          "2023-10-11 17:30:05Z"})
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
}

}  // namespace diplomado

namespace diplomado {

TEST(TextKey, AccentsAndCaseDoNotMatter) {
  EXPECT_EQ(fold_for_matching("Darién"), "darien");
  EXPECT_EQ(fold_for_matching("  ÁBREGO   Núñez "), "abrego nunez");
  EXPECT_EQ(fold_for_matching("Ngäbe-Buglé"), "ngabe-bugle");
  EXPECT_LT(fold_for_matching("Ábrego"), fold_for_matching("Barría"));
  EXPECT_EQ(fold_for_matching(""), "");
}

}  // namespace diplomado
