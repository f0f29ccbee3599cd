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

namespace diplomado {
namespace {
std::string fmt_address(int i) { return "10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256); }
}  // namespace

// The rule of docs/security.md: an attacker failing 1,000 times from one address, or from 1,000
// addresses, does not stop the owner signing in from another address; the attacker waits.
TEST(SignInGate, AnAttackersFailuresCostTheAttackerNotTheOwner) {
  SignInGate gate;
  const SignInThrottle::TimePoint now{std::chrono::seconds{1'700'000'000}};
  for (int i = 0; i < 1000; ++i) gate.record_failure("coordinacion@example.pa", "203.0.113.7", now + std::chrono::seconds{i});
  const auto later = now + std::chrono::seconds{1000};
  ASSERT_TRUE(gate.retry_after("coordinacion@example.pa", "203.0.113.7", later)) << "the attacker waits";
  EXPECT_LE(*gate.retry_after("coordinacion@example.pa", "203.0.113.7", later), std::chrono::minutes{15}) << "never a hard lock";
  EXPECT_FALSE(gate.retry_after("coordinacion@example.pa", "198.51.100.20", later)) << "the owner's own address goes through";

  // Spread over a thousand addresses, one failure each: every one of them has failed, so the
  // account's count slows each further guess; the owner's address has not failed and is not slowed.
  SignInGate spread;
  for (int i = 0; i < 1000; ++i) spread.record_failure("coordinacion@example.pa", fmt_address(i), now);
  EXPECT_TRUE(spread.retry_after("coordinacion@example.pa", fmt_address(5), now));
  EXPECT_FALSE(spread.retry_after("coordinacion@example.pa", "198.51.100.20", now));
}

TEST(SignInGate, TheOwnersTyposSlowOnlyTheirOwnAddressAndSuccessClearsIt) {
  SignInGate gate({.per_pair = {.free_attempts = 2}, .per_address = {.free_attempts = 30}, .per_account = {.free_attempts = 10}});
  const SignInThrottle::TimePoint now{std::chrono::seconds{1'700'000'000}};
  for (int i = 0; i < 3; ++i) gate.record_failure("ana@example.pa", "10.0.0.1", now);
  EXPECT_EQ(gate.retry_after("ana@example.pa", "10.0.0.1", now), std::chrono::seconds{30});
  EXPECT_FALSE(gate.retry_after("beto@example.pa", "10.0.0.1", now)) << "others behind the same office address are not slowed";
  gate.record_success("ana@example.pa", "10.0.0.1");
  EXPECT_FALSE(gate.retry_after("ana@example.pa", "10.0.0.1", now));
  // Spraying many accounts from one address slows that address for every account.
  for (int i = 0; i < 31; ++i) gate.record_failure("user" + std::to_string(i) + "@example.pa", "10.9.9.9", now);
  EXPECT_TRUE(gate.retry_after("someone-else@example.pa", "10.9.9.9", now));
}

}  // namespace diplomado
