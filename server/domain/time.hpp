#pragma once
#include <chrono>
#include <string>

namespace diplomado {

using TimePoint = std::chrono::sys_seconds;

// ISO 8601 in UTC with a Z, the one form times are stored in (DESIGN.md §4).
std::string format_iso8601(TimePoint time);

}  // namespace diplomado
