#include "domain/time.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {

TEST(Time, ALocalTimeIsShownInTheProgrammesZoneWithItsOffset) {
  const struct {
    const char* utc;
    const char* zone;
    const char* shown;
  } cases[] = {
      // Panama keeps UTC−5 all year: the demo's deadline, 3 October 2023 at 23:59:59 in Panama.
      {"2023-10-04T04:59:59Z", "America/Panama", "2023-10-03 23:59 (America/Panama, UTC-05:00)"},
      // A zone with summer time: Madrid is UTC+2 in July and UTC+1 in January.
      {"2024-07-01T10:00:00Z", "Europe/Madrid", "2024-07-01 12:00 (Europe/Madrid, UTC+02:00)"},
      {"2024-01-15T10:00:00Z", "Europe/Madrid", "2024-01-15 11:00 (Europe/Madrid, UTC+01:00)"},
      // An unknown zone falls back to UTC rather than inventing an offset.
      {"2023-10-04T04:59:59Z", "Mars/Olympus", "2023-10-04 04:59 (UTC, UTC+00:00)"},
  };
  for (const auto& c : cases) EXPECT_EQ(format_local_time(*parse_iso8601(c.utc), c.zone), c.shown) << c.zone;
}

}  // namespace
}  // namespace diplomado
