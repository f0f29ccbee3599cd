#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::cli {

// Reads a programme file (JSON, docs/programme-file.md; the demo programme is one). Errors name
// the member that is missing, unknown or of the wrong type by its JSON path; a file over 16 MiB is
// refused before it is read.
Result<ProgrammeSeed> read_programme_seed_file(const std::string& path);
// The same from the file's text.
Result<ProgrammeSeed> read_programme_seed(const std::string& content);

}  // namespace diplomado::cli
