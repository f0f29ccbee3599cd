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

}  // namespace diplomado
