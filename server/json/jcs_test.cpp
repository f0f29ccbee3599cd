#include "json/jcs.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <limits>

#include "domain/base58.hpp"

namespace diplomado {
namespace {

double from_bits(std::uint64_t bits) {
  double value = 0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// RFC 8785 Appendix B: IEEE 754 bit patterns and the text ECMAScript writes for them.
TEST(Jcs, NumbersAreWrittenAsEcmascriptWritesThem) {
  const struct {
    std::uint64_t bits;
    const char* expected;
  } cases[] = {
      {0x0000000000000000, "0"},
      {0x8000000000000000, "0"},
      {0x0000000000000001, "5e-324"},
      {0x8000000000000001, "-5e-324"},
      {0x7fefffffffffffff, "1.7976931348623157e+308"},
      {0xffefffffffffffff, "-1.7976931348623157e+308"},
      {0x4340000000000000, "9007199254740992"},
      {0xc340000000000000, "-9007199254740992"},
      {0x4430000000000000, "295147905179352830000"},
      {0x44b52d02c7e14af5, "9.999999999999997e+22"},
      {0x44b52d02c7e14af6, "1e+23"},
      {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
      {0x444b1ae4d6e2ef4e, "999999999999999700000"},
      {0x444b1ae4d6e2ef4f, "999999999999999900000"},
      {0x444b1ae4d6e2ef50, "1e+21"},
      {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
      {0x3eb0c6f7a0b5ed8d, "0.000001"},
      {0x41b3de4355555553, "333333333.3333332"},
      {0x41b3de4355555554, "333333333.33333325"},
      {0x41b3de4355555555, "333333333.3333333"},
      {0x41b3de4355555556, "333333333.3333334"},
      {0x41b3de4355555557, "333333333.33333343"},
      {0xbecbf647612f3696, "-0.0000033333333333333333"},
      {0x43143ff3c1cb0959, "1424953923781206.2"},
  };
  for (const auto& c : cases) EXPECT_EQ(ecmascript_number(from_bits(c.bits)), c.expected) << std::hex << c.bits;
  EXPECT_THROW(ecmascript_number(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
  EXPECT_THROW(ecmascript_number(std::numeric_limits<double>::infinity()), std::domain_error);
}

// RFC 8785 §3.2.2 and §3.2.3: the sample object, and names sorted by UTF-16 code units.
TEST(Jcs, TheRfcSampleAndItsOrderAndEscaping) {
  const auto input = nlohmann::json::parse(R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })");
  EXPECT_EQ(canonical_json(input),
            R"({"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"})");

  const auto sorting = nlohmann::json::parse(R"({
    "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
  })");
  // The values, found in the canonical text in the RFC's order (U+1F600 as two UTF-16 units sorts
  // before U+FB33, though its UTF-8 bytes sort after).
  const auto text = canonical_json(sorting);
  std::size_t at = 0;
  for (const std::string value : {"Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face",
                                  "Hebrew Letter Dalet With Dagesh"}) {
    const auto found = text.find(value, at);
    ASSERT_NE(found, std::string::npos) << value << " out of order in " << text;
    at = found;
  }
  EXPECT_EQ(nlohmann::json::parse(text).size(), 7u);
  EXPECT_EQ(canonical_json(nlohmann::json::parse(R"({"b":[1,{"z":1,"a":2}],"a":"x"})")), R"({"a":"x","b":[1,{"a":2,"z":1}]})");
}

TEST(Base58, RoundTripsAndKeepsLeadingZeros) {
  EXPECT_EQ(base58_encode({}), "");
  EXPECT_EQ(base58_encode({0, 0, 1}), "112");
  const std::vector<std::uint8_t> hello{'H', 'e', 'l', 'l', 'o', ' ', 'W', 'o', 'r', 'l', 'd', '!'};
  EXPECT_EQ(base58_encode(hello), "2NEpo7TZRRrLZSi2U");
  EXPECT_EQ(base58_decode("2NEpo7TZRRrLZSi2U"), hello);
  EXPECT_EQ(base58_decode("112"), (std::vector<std::uint8_t>{0, 0, 1}));
  EXPECT_EQ(base58_decode("0OIl"), std::nullopt) << "0, O, I and l are not in the alphabet";
}

}  // namespace
}  // namespace diplomado
