#include "domain/participant_filter.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {

TEST(ParticipantFilter, ParsesEveryParameterAndFoldsTheSearch) {
  auto filter = parse_participant_filter({"  Ábrego  NÚÑEZ ", "7", "PA-5", "local", "female", "0", "withdrawn", "institution"});
  ASSERT_TRUE(filter);
  EXPECT_EQ(filter->search, "abrego nunez");
  EXPECT_EQ(filter->institution_id, 7);
  EXPECT_EQ(filter->subdivision_code, "PA-5");
  EXPECT_EQ(filter->level, Level::local);
  EXPECT_EQ(filter->sex, Sex::female);
  EXPECT_EQ(filter->team_id, 0);  // participants without a team
  EXPECT_EQ(filter->status, EnrollmentStatus::withdrawn);
  EXPECT_EQ(filter->sort, ParticipantSort::institution);

  auto empty = parse_participant_filter({});
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, ParticipantFilter{});
}

TEST(ParticipantFilter, EachBadParameterIsNamed) {
  auto filter = parse_participant_filter({std::nullopt, "x", std::nullopt, "galactic", "maybe", "-1", "expelled", "age"});
  ASSERT_FALSE(filter);
  std::vector<std::string> fields;
  for (const auto& detail : filter.error().details) fields.push_back(detail.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"institution", "level", "sex", "team", "status", "sort"}));
  EXPECT_EQ(filter.error().details[1].value, "galactic");
}

TEST(ParticipantFilter, SearchPatternsTakeEachWordAndWildcardsLiterally) {
  using Patterns = std::array<std::string, search_word_slots>;
  EXPECT_EQ(search_word_patterns("maria  abrego"), (Patterns{"%maria%", "%abrego%", "", ""}));
  EXPECT_EQ(search_word_patterns("50%_off!"), (Patterns{"%50!%!_off!!%", "", "", ""}));
  EXPECT_EQ(search_word_patterns("a b c d e"), (Patterns{"%a%", "%b%", "%c%", "%d%e%"}));
  EXPECT_EQ(search_word_patterns(""), (Patterns{"", "", "", ""}));
}

}  // namespace
}  // namespace diplomado
