#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::cli {

// Reads a programme file (JSON, docs/programme-file.md; the demo programme is one). Errors name
// the member that is missing, unknown or of the wrong type by its JSON path; a file over 16 MiB is
// refused before it is read.
Result<ProgrammeSeed> read_programme_seed_file(const std::string& path);
// The same from the file's text. Every problem comes in one answer: the shape (a member
// missing, unknown or of another type), each part's own rules and how the parts fit together.
Result<ProgrammeSeed> read_programme_seed(const std::string& content);

// A programme file's text (indented JSON, sections in the documented order), which
// read_programme_seed reads back to the same seed. Parts the seed leaves empty are left out.
std::string write_programme_seed(const ProgrammeSeed& seed);

}  // namespace diplomado::cli
