#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/error.hpp"

namespace diplomado {

struct PageRequest {
  std::int64_t page = 1;
  std::int64_t per_page = 50;
  std::int64_t offset() const { return (page - 1) * per_page; }
};

inline constexpr std::int64_t max_per_page = 200;

// Reads ?page= and ?per_page= (absent means the defaults); a value that is not a positive whole
// number, or a per_page above max_per_page, is an error naming the parameter.
Result<PageRequest> parse_page_request(std::optional<std::string_view> page, std::optional<std::string_view> per_page);

}  // namespace diplomado
