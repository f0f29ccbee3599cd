#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::cli {

// Reads a programme file (JSON; the demo programme is one, see data/demo/). Errors name the
// member that is missing or of the wrong type.
Result<ProgrammeSeed> read_programme_seed_file(const std::string& path);

}  // namespace diplomado::cli
