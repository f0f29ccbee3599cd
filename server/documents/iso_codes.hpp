#pragma once
// Every country's subdivisions from Debian's iso-codes (ISO 3166-2, /usr/share/iso-codes/json),
// so that a course in any country finds its provinces, departments or states without a file
// loaded by hand. `diplomado reference subdivisions` still adds aliases (spellings seen in
// nomination lists) on top.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "services/load_reference.hpp"

namespace diplomado::documents {

// The directory the JSON files are read from (the build sets DIPLOMADO_ISO_CODES_DIR).
std::string iso_codes_directory();

// The directory of iso-codes' translations (gettext catalogues: LANG/LC_MESSAGES/iso_3166-2.mo).
std::string iso_codes_locale_directory();

// The subdivisions of `country` as iso-codes lists them, their kind in snake case ("Province" ->
// "province", "Indigenous region" -> "indigenous_region"), each named in Spanish where
// iso-codes' Spanish translation names it otherwise ("Belize" -> "Belice"), with the name as the
// standard gives it kept as an alias, so a nominations file may use either. The files are read
// once per process. An unknown country gives an empty list; an unreadable list an error naming
// it; a missing translation leaves the standard's names.
Result<std::vector<services::ReferenceSubdivision>> iso_subdivisions(std::string_view country);

// A gettext catalogue (.mo, either byte order) as msgid -> msgstr. Entries with a context or
// plural forms, and untranslated ones, are left out. A malformed file is an error.
Result<std::map<std::string, std::string, std::less<>>> parse_mo_catalogue(std::string_view bytes);
// The names of `subdivisions` in the catalogue's language, the standard's own kept as aliases.
void translate_subdivisions(std::vector<services::ReferenceSubdivision>& subdivisions,
                            const std::map<std::string, std::string, std::less<>>& catalogue);

// The same from the file's text; an empty `country` keeps every country's.
Result<std::vector<services::ReferenceSubdivision>> parse_iso_3166_2(std::string_view json_text, std::string_view country);

}  // namespace diplomado::documents
