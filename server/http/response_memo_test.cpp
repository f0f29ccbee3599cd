#include "http/response_memo.hpp"

#include <gtest/gtest.h>

namespace diplomado::http {

TEST(ResponseMemo, ReusesTheTextOnlyForTheSameLiveObject) {
  ResponseMemo memo;
  int serialised = 0;
  const std::function<std::string(const int&)> write = [&](const int& value) {
    ++serialised;
    return std::to_string(value);
  };
  auto first = std::make_shared<const int>(1);
  EXPECT_EQ(memo.body<int>("k", first, write), "1");
  EXPECT_EQ(memo.body<int>("k", first, write), "1");
  EXPECT_EQ(serialised, 1);

  // A new result under the same key (the cache was refreshed) is written afresh.
  auto second = std::make_shared<const int>(2);
  EXPECT_EQ(memo.body<int>("k", second, write), "2");
  EXPECT_EQ(serialised, 2);

  // Once the result is gone, even an object at the same address is not taken for it.
  const void* address = second.get();
  second.reset();
  auto third = std::make_shared<const int>(3);
  EXPECT_EQ(memo.body<int>("k", third, write), "3") << (third.get() == address ? "same address reused" : "new address");
  EXPECT_EQ(serialised, 3);
}

TEST(ResponseMemo, StaysBounded) {
  ResponseMemo memo(4);
  const std::function<std::string(const int&)> write = [](const int& value) { return std::to_string(value); };
  std::vector<std::shared_ptr<const int>> alive;
  for (int i = 0; i < 20; ++i) {
    alive.push_back(std::make_shared<const int>(i));
    EXPECT_EQ(memo.body<int>("k" + std::to_string(i), alive.back(), write), std::to_string(i));
    EXPECT_LE(memo.size(), 4u);
  }
}

}  // namespace diplomado::http
