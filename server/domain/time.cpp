#include "domain/time.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace diplomado {

std::string format_iso8601(TimePoint time) {
  const auto days = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss clock{time - days};
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), static_cast<long>(clock.hours().count()),
                static_cast<long>(clock.minutes().count()), static_cast<long>(clock.seconds().count()));
  return buffer;
}

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2), hour = number(11, 2), minute = number(14, 2),
             second = number(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  return TimePoint{std::chrono::sys_days{date}} + std::chrono::hours{*hour} + std::chrono::minutes{*minute} + std::chrono::seconds{*second};
}

std::string format_local_time(TimePoint time, std::string_view time_zone) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(std::string(time_zone))));
  std::string name(time_zone);
  int offset_ms = 0;
  if (!zone || *zone == icu::TimeZone::getUnknown()) {
    name = "UTC";
  } else {
    int raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    zone->getOffset(static_cast<UDate>(time.time_since_epoch().count()) * 1000.0, false, raw, dst, status);
    if (U_SUCCESS(status)) offset_ms = raw + dst;
  }
  const TimePoint local = time + std::chrono::seconds(offset_ms / 1000);
  const std::string iso = format_iso8601(local);  // YYYY-MM-DDTHH:MM:SSZ of the local wall clock
  const int minutes = offset_ms / 60000;
  char offset[16];
  std::snprintf(offset, sizeof offset, "UTC%c%02d:%02d", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " (" + name + ", " + offset + ")";
}

}  // namespace diplomado
