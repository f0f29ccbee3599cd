// The JCS canonicaliser (RFC 8785) over any JSON the bounded parser accepts: canonicalising never
// fails, and canonicalising the canonical form again gives the same bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "json/jcs.hpp"
#include "json/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = diplomado::parse_bounded_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  const std::string once = diplomado::canonical_json(*parsed);
  const auto again = diplomado::parse_bounded_json(once);
  if (!again || diplomado::canonical_json(*again) != once) std::abort();  // not stable: a bug
  return 0;
}
