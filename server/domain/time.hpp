#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace diplomado {

using TimePoint = std::chrono::sys_seconds;

// ISO 8601 in UTC with a Z, the one form times are stored in (DESIGN.md §4).
std::string format_iso8601(TimePoint time);

// Reads the form format_iso8601 writes (YYYY-MM-DDTHH:MM:SSZ); anything else is nothing.
std::optional<TimePoint> parse_iso8601(std::string_view text);

// A time as people in `time_zone` (IANA) read it: "2023-09-30 23:59 (America/Panama, UTC-05:00)".
// Used where a message gives a time, such as a deadline; an unknown zone is shown as UTC.
std::string format_local_time(TimePoint time, std::string_view time_zone);

}  // namespace diplomado
