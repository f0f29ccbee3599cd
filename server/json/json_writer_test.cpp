#include "json/json_writer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace diplomado {

TEST(JsonWriter, NestedContainersAndCommas) {
  JsonWriter json;
  json.begin_object().field("a", 1).key("b").begin_array().value("x").null().value(true).begin_object().end_object().end_array();
  json.field("c", 2.5).key("d").text_or_null("").field("e", std::int64_t{-7}).end_object();
  EXPECT_EQ(json.str(), R"({"a":1,"b":["x",null,true,{}],"c":2.5,"d":null,"e":-7})");
}

TEST(JsonWriter, StringsAreEscapedAndAlwaysParse) {
  struct Case {
    std::string input;
    std::string expected;  // what a JSON parser reads back
  };
  const std::vector<Case> cases{
      {"Darién", "Darién"},
      {"<script>alert(\"x\")</script>", "<script>alert(\"x\")</script>"},
      {"back\\slash\nnew\ttab", "back\\slash\nnew\ttab"},
      {std::string("nul\0byte", 8), std::string("nul\0byte", 8)},
      {"\x01\x1f", "\x01\x1f"},
      {"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},          // truncated sequence
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"emoji \xF0\x9F\x87\xB5\xF0\x9F\x87\xA6", "emoji \xF0\x9F\x87\xB5\xF0\x9F\x87\xA6"},
  };
  for (const auto& c : cases) {
    std::string out;
    append_json_string(out, c.input);
    const auto parsed = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << out;
    EXPECT_EQ(parsed.get<std::string>(), c.expected) << out;
  }
}

TEST(JsonWriter, NonFiniteNumbersBecomeNull) {
  JsonWriter json;
  json.begin_array().value(std::nan("")).value(1.0 / 0.0).value(0.1).end_array();
  EXPECT_EQ(json.str(), "[null,null,0.1]");
}

}  // namespace diplomado

namespace diplomado {
namespace {

TEST(JsonWriter, IndentedForPeopleToRead) {
  JsonWriter json(2);
  json.begin_object().field("code", "X").key("modules").begin_array();
  json.begin_object().field("hours", 20).end_object();
  json.end_array().key("sdgs").begin_array().end_array().key("about").begin_object().end_object().end_object();
  EXPECT_EQ(json.take(), "{\n  \"code\": \"X\",\n  \"modules\": [\n    {\n      \"hours\": 20\n    }\n  ],\n  \"sdgs\": [],\n  \"about\": {}\n}");
}

}  // namespace
}  // namespace diplomado
