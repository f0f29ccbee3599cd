#include "domain/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {
using std::chrono::seconds;
const SignInThrottle::TimePoint start{seconds{1'700'000'000}};
}  // namespace

TEST(SignInThrottle, FreeAttemptsThenADelayThatDoubles) {
  SignInThrottle throttle({.free_attempts = 3, .first_delay = seconds{30}, .max_delay = seconds{100}});
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(throttle.retry_after("a@b.pa", start)) << i;
    throttle.record_failure("a@b.pa", start);
  }
  // Three failures are free; the fourth failure brings 30 s, the fifth 60 s, then the cap.
  EXPECT_FALSE(throttle.retry_after("a@b.pa", start));
  throttle.record_failure("a@b.pa", start);
  EXPECT_EQ(throttle.retry_after("a@b.pa", start), seconds{30});
  EXPECT_EQ(throttle.retry_after("a@b.pa", start + seconds{10}), seconds{20});
  EXPECT_FALSE(throttle.retry_after("a@b.pa", start + seconds{30}));
  throttle.record_failure("a@b.pa", start + seconds{30});
  EXPECT_EQ(throttle.retry_after("a@b.pa", start + seconds{30}), seconds{60});
  throttle.record_failure("a@b.pa", start + seconds{90});
  EXPECT_EQ(throttle.retry_after("a@b.pa", start + seconds{90}), seconds{100});
  EXPECT_FALSE(throttle.retry_after("other@b.pa", start + seconds{90}));
}

TEST(SignInThrottle, SuccessAndQuietTimeForget) {
  SignInThrottle throttle({.free_attempts = 0, .first_delay = seconds{30}, .forget_after = seconds{600}});
  throttle.record_failure("k", start);
  EXPECT_TRUE(throttle.retry_after("k", start));
  throttle.record_success("k");
  EXPECT_FALSE(throttle.retry_after("k", start));
  throttle.record_failure("k", start);
  EXPECT_FALSE(throttle.retry_after("k", start + seconds{600}));
}

TEST(SignInThrottle, MemoryIsBoundedUnderASprayOfKeys) {
  SignInThrottle throttle({.max_keys = 100});
  for (int i = 0; i < 1000; ++i) throttle.record_failure("key" + std::to_string(i), start + seconds{i});
  EXPECT_LE(throttle.tracked_keys(), 100u);
  EXPECT_TRUE(throttle.tracked_keys() > 0);
}

}  // namespace diplomado
