// Issue 15: does the time of a refused sign-in tell whether the account exists? The sign-in
// check's time (the whole use case: throttle, lookup, argon2id verify, audit), median of 100, for
// an unknown e-mail, an account without a password (a demo juror, "!") and a real account with a
// wrong password, plus the right password for reference. Each attempt comes from its own address
// so the throttle never answers first.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "services/add_user.hpp"
#include "services/crypto.hpp"
#include "services/sign_in.hpp"
#include "storage/database.hpp"

using namespace diplomado;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATABASE_URL\n", argv[0]);
    return 2;
  }
  if (!services::initialise_crypto()) return 1;
  auto opened = storage::open_database({.url = argv[1], .pool_size = 2, .files_directory = {}});
  if (!opened) return std::fprintf(stderr, "cannot open %s\n", argv[1]), 1;
  auto& store = *opened->store;
  const TimePoint now{std::chrono::seconds{1'697'000'000}};
  if (!services::add_user(store, {"real@example.pa", "Real", "observer", "", "correct horse battery"}, now)) return 1;
  {
    auto unit = store.begin(storage::TransactionMode::read_write);
    unit->users().insert({"passwordless@example.pa", "Jurado", "!", format_iso8601(now)});
    unit->commit();
  }
  services::SignInGuard guard;
  int address = 0;
  auto median_ms = [&](const char* email, const char* password) {
    std::vector<double> times;
    for (int i = 0; i < 100; ++i) {
      const auto start = std::chrono::steady_clock::now();
      auto result = services::sign_in(store, guard, {email, password, "10.9." + std::to_string(address / 250) + "." + std::to_string(address % 250)}, now);
      ++address;
      times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      (void)result;
    }
    std::ranges::sort(times);
    return (times[49] + times[50]) / 2;
  };
  const double unknown = median_ms("nobody@example.pa", "wrong password!"), passwordless = median_ms("passwordless@example.pa", "wrong password!"),
               wrong = median_ms("real@example.pa", "wrong password!"), right = median_ms("real@example.pa", "correct horse battery");
  std::printf("sign-in check, median of 100 (ms):\n");
  std::printf("  unknown e-mail:           %.1f\n", unknown);
  std::printf("  account without password: %.1f\n", passwordless);
  std::printf("  real account, wrong:      %.1f\n", wrong);
  std::printf("  real account, right:      %.1f\n", right);
  // Issue 15: the time must not tell which accounts exist. The spread of the three refusals (the
  // attacker's view) against the slowest of them.
  const double slowest = std::max({unknown, passwordless, wrong}), fastest = std::min({unknown, passwordless, wrong});
  std::printf("  refusals within %.1f %% of each other (goal: within 10 %%, so the time does not tell an account exists)\n",
              100 * (slowest - fastest) / slowest);
  return 0;
}
