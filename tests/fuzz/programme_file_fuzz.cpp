// A programme file (docs/programme-file.md) as `diplomado programme import|validate` reads it:
// every problem named by its JSON path, in one answer, never a crash.
#include <cstdint>
#include <string>

#include "cli/commands.hpp"
#include "cli/programme_seed_file.hpp"

namespace diplomado::cli {
// The file-reading half of programme_seed_file.cpp is not fuzzed (the bytes come in directly);
// the CLI's file helper it names is given here, so the target links without the whole CLI.
Result<std::string> read_whole_file(const std::string&, std::size_t, FileKind) {
  return std::unexpected(make_error(ErrorCode::invalid_input, "error.invalid_input"));
}
}  // namespace diplomado::cli

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)diplomado::cli::read_programme_seed(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
