#pragma once
// Every country's subdivisions from Debian's iso-codes (ISO 3166-2, /usr/share/iso-codes/json),
// so that a course in any country finds its provinces, departments or states without a file
// loaded by hand. `diplomado reference subdivisions` still adds aliases (spellings seen in
// nomination lists) on top.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "services/load_reference.hpp"

namespace diplomado::documents {

// The directory the JSON files are read from (the build sets DIPLOMADO_ISO_CODES_DIR).
std::string iso_codes_directory();

// The subdivisions of `country` as iso-codes lists them, their kind in snake case ("Province" ->
// "province", "Indigenous region" -> "indigenous_region"). The file is read once per process.
// An unknown country gives an empty list; an unreadable file an error naming it.
Result<std::vector<services::ReferenceSubdivision>> iso_subdivisions(std::string_view country);

// The same from the file's text; an empty `country` keeps every country's.
Result<std::vector<services::ReferenceSubdivision>> parse_iso_3166_2(std::string_view json_text, std::string_view country);

}  // namespace diplomado::documents
