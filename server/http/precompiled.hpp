// Heavy third-party headers shared by the http layer, compiled once (see CMake target_precompile_headers).
#pragma once
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
