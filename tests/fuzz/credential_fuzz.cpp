// Credential verification (eddsa-jcs-2022) of a document nobody vouches for: any JSON gives a
// verdict (most often a problem), never a crash.
#include <cstdint>
#include <string_view>

#include "json/json_reader.hpp"
#include "services/credential_proof.hpp"
#include "services/crypto.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool ready = diplomado::services::initialise_crypto();
  if (!ready) return 0;
  const auto parsed = diplomado::parse_bounded_json(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  (void)diplomado::services::verify_proof(*parsed);
  return 0;
}
