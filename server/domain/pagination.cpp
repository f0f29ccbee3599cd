#include "domain/pagination.hpp"

#include <charconv>
#include <string>

namespace diplomado {
namespace {
std::optional<std::int64_t> parse_positive(std::string_view text) {
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  const auto [pointer, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc{} || pointer != end || value < 1) return std::nullopt;
  return value;
}
}  // namespace

Result<PageRequest> parse_page_request(std::optional<std::string_view> page, std::optional<std::string_view> per_page) {
  PageRequest request;
  if (page) {
    const auto value = parse_positive(*page);
    if (!value) return std::unexpected(field_error("page", "not_positive_integer", "error.field.positive_integer", std::string(*page)));
    request.page = *value;
  }
  if (per_page) {
    const auto value = parse_positive(*per_page);
    if (!value || *value > max_per_page)
      return std::unexpected(field_error("per_page", "out_of_range", "error.field.per_page_range", std::string(*per_page)));
    request.per_page = *value;
  }
  // A page so far out that the offset would overflow is refused the same way.
  if (request.page > (std::int64_t{1} << 40))
    return std::unexpected(field_error("page", "out_of_range", "error.field.positive_integer", std::string(*page)));
  return request;
}

}  // namespace diplomado
