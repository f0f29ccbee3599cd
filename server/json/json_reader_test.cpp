#include "json/json_reader.hpp"

#include <gtest/gtest.h>

#include <string>

namespace diplomado {
namespace {

enum class Colour { red, green };
std::optional<Colour> parse_colour(std::string_view text) {
  if (text == "red") return Colour::red;
  if (text == "green") return Colour::green;
  return std::nullopt;
}

struct Item {
  int position = 0;
  LocalizedText title;
};

struct Sample {
  std::string code;
  int count = 0;
  double weight = 1;
  bool active = false;
  std::optional<std::int64_t> parent;
  Colour colour = Colour::red;
  std::vector<Item> items;
  std::map<std::string, std::string> marks;
};

}  // namespace

static void describe(BodyReader& body, Item& item) { body.required("position", item.position, {.min = 1, .max = 99}).required("title", item.title); }

static void describe(BodyReader& body, Sample& sample) {
  body.required("code", sample.code, {.max_length = 5})
      .required("count", sample.count, {.min = 0, .max = 10})
      .optional("weight", sample.weight, {.min = 0})
      .optional("active", sample.active)
      .nullable("parent", sample.parent, {.min = 1})
      .choice("colour", sample.colour, parse_colour)
      .optional("items", sample.items, {.max_items = 3})
      .optional("marks", sample.marks, {.max_length = 10})
      .read_only({"id"});
}

namespace {

std::vector<std::pair<std::string, std::string>> errors_of(const std::string& text, Sample& sample) {
  auto parsed = parse_bounded_json(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  std::vector<std::pair<std::string, std::string>> found;
  for (const auto& error : read_json(*parsed, sample)) found.emplace_back(error.field, error.code);
  return found;
}

using Errors = std::vector<std::pair<std::string, std::string>>;

TEST(JsonReader, AWellFormedBodyFillsEveryMember) {
  Sample sample;
  const auto errors = errors_of(
      R"({"id": 7, "code": "M1", "count": 3, "weight": 2.5, "active": true, "parent": null, "colour": "green",
          "items": [{"position": 1, "title": {"es": "Derechos", "en": "Rights"}}], "marks": {"12": "late"}})",
      sample);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(sample.code, "M1");
  EXPECT_EQ(sample.count, 3);
  EXPECT_DOUBLE_EQ(sample.weight, 2.5);
  EXPECT_TRUE(sample.active);
  EXPECT_FALSE(sample.parent.has_value());
  EXPECT_EQ(sample.colour, Colour::green);
  ASSERT_EQ(sample.items.size(), 1u);
  EXPECT_EQ(sample.items[0].title.en, "Rights");
  EXPECT_EQ(sample.marks.at("12"), "late");
}

TEST(JsonReader, EveryMemberInErrorIsNamedByItsPathAndNothingThrows) {
  const struct {
    const char* body;
    Errors expected;
  } cases[] = {
      {R"({"count": 1})", {{"code", "required"}}},
      {R"({"code": null, "count": 1})", {{"code", "required"}}},
      {R"({"code": 5, "count": "3"})", {{"code", "type_string"}, {"count", "type_integer"}}},
      {R"({"code": "TOOLONG", "count": 11})", {{"code", "too_long"}, {"count", "out_of_range"}}},
      {R"({"code": "A", "count": 1.5})", {{"count", "type_integer"}}},
      {R"({"code": "A", "count": 99999999999999999999})", {{"count", "type_integer"}}},
      {R"({"code": "A", "count": 1, "weight": -1})", {{"weight", "out_of_range"}}},
      {R"({"code": "A", "count": 1, "weight": "1"})", {{"weight", "type_number"}}},
      {R"({"code": "A", "count": 1, "active": "yes"})", {{"active", "type_boolean"}}},
      {R"({"code": "A", "count": 1, "parent": 0})", {{"parent", "out_of_range"}}},
      {R"({"code": "A", "count": 1, "colour": "blue"})", {{"colour", "unknown_value"}}},
      {R"({"code": "A", "count": 1, "colour": 3})", {{"colour", "type_string"}}},
      {R"({"code": "A", "count": 1, "items": {}})", {{"items", "type_array"}}},
      {R"({"code": "A", "count": 1, "items": [1, 2, 3, 4]})", {{"items", "too_many_items"}}},
      {R"({"code": "A", "count": 1, "items": [{"position": 0, "title": {"en": "x"}}, "x"]})",
       {{"items[0].position", "out_of_range"}, {"items[0].title.es", "required"}, {"items[1]", "type_object"}}},
      {R"({"code": "A", "count": 1, "items": [{"position": 1, "title": {"es": "x", "fr": "y"}}]})", {{"items[0].title.fr", "unknown_member"}}},
      {R"({"code": "A", "count": 1, "marks": {"1": 2, "2": "abcdefghijk"}})", {{"marks.1", "type_string"}, {"marks.2", "too_long"}}},
      {R"({"code": "A", "count": 1, "cuont": 2})", {{"cuont", "unknown_member"}}},
  };
  for (const auto& c : cases) {
    Sample sample;
    EXPECT_EQ(errors_of(c.body, sample), c.expected) << c.body;
  }
}

TEST(JsonReader, NestingAndSizeAreCappedBeforeAnythingIsBuilt) {
  const auto deep = std::string(33, '[') + std::string(33, ']');
  auto refused = parse_bounded_json(deep);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().details.at(0).code, "too_deep");
  EXPECT_TRUE(parse_bounded_json(std::string(32, '[') + std::string(32, ']')).has_value());

  // 27 MB of "[" stops at the 33rd.
  refused = parse_bounded_json(std::string(27'000'000, '['));
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().details.at(0).code, "too_deep");

  std::string many = "[";
  for (std::size_t index = 0; index <= max_json_values; ++index) many += index ? ",0" : "0";
  many += "]";
  refused = parse_bounded_json(many);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().details.at(0).code, "too_many_values");

  for (const char* broken : {"", "{", "{\"a\":}", "[1,]", "\"\xff\""}) {
    refused = parse_bounded_json(broken);
    ASSERT_FALSE(refused.has_value()) << broken;
    EXPECT_EQ(refused.error().details.at(0).code, "malformed_json") << broken;
  }
}

}  // namespace
}  // namespace diplomado
