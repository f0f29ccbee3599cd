#include "domain/pagination.hpp"

#include <gtest/gtest.h>

namespace diplomado {

TEST(Pagination, DefaultsAndOffsets) {
  auto page = parse_page_request(std::nullopt, std::nullopt);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->page, 1);
  EXPECT_EQ(page->per_page, 50);
  page = parse_page_request("3", "20");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->offset(), 40);
}

TEST(Pagination, BadValuesNameTheParameter) {
  struct Case {
    std::optional<std::string_view> page, per_page;
    const char* field;
  };
  for (const auto& c : {Case{"0", std::nullopt, "page"}, Case{"-1", std::nullopt, "page"}, Case{"abc", std::nullopt, "page"},
                        Case{"2x", std::nullopt, "page"}, Case{"99999999999999999999", std::nullopt, "page"},
                        Case{std::nullopt, "201", "per_page"}, Case{std::nullopt, "0", "per_page"}, Case{std::nullopt, "", "per_page"}}) {
    auto page = parse_page_request(c.page, c.per_page);
    ASSERT_FALSE(page) << c.field;
    ASSERT_EQ(page.error().details.size(), 1u);
    EXPECT_EQ(page.error().details[0].field, c.field);
    EXPECT_EQ(page.error().code, ErrorCode::invalid_input);
  }
}

}  // namespace diplomado
