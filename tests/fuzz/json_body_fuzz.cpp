// A request body as the API reads it: the bounded parse (depth, count), then the typed reader
// filling a programme (the largest body the API takes); every problem must come back as field
// errors, never as an exception or a crash.
#include <cstdint>
#include <string_view>

#include "json/domain_reader.hpp"
#include "json/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = diplomado::parse_bounded_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  diplomado::Programme programme;
  (void)diplomado::read_json(*parsed, programme);
  return 0;
}
