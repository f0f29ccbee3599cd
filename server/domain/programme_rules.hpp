#pragma once
// What makes a programme's own description right (issue 12): its status, its country, time zone
// and locale (checked against ICU's data, so any country works), its dates and its modules. The
// API, the CLI and the programme file all check a programme here, so they accept the same ones.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/programme.hpp"

namespace diplomado {

std::string_view to_string(ProgrammeStatus status);
std::optional<ProgrammeStatus> parse_programme_status(std::string_view text);

// A draft may become active, an active programme closed; a closed one stays closed.
bool can_change_status(ProgrammeStatus from, ProgrammeStatus to);

// ISO 3166-1 alpha-2, as ICU knows the countries of today ("PA", "CR").
bool is_known_country(std::string_view code);
// An IANA zone ICU knows ("America/Costa_Rica"); an unknown name or a raw offset is refused.
bool is_known_time_zone(std::string_view zone);
// A BCP 47 tag language-REGION for which ICU has data ("es-PA", "es-CR", "en-BZ").
bool is_known_locale(std::string_view locale);

// The locale a programme in `country` uses unless it says otherwise: Spanish as written there,
// else English, else the first the country has; empty for an unknown country.
std::string default_locale(std::string_view country);

// A country as a form offers it: its names, its time zones and the locales written there.
struct CountryInfo {
  std::string code;
  LocalizedText name;
  std::vector<std::string> time_zones;
  std::vector<std::string> locales;
};
// Every country ICU knows, sorted by code; computed once.
const std::vector<CountryInfo>& known_countries();

// What a country calls its subdivisions, from the kinds it has and how many of each: the most
// common kind, and a second one when it has at least 3 ("Provincia o comarca" for Panama,
// "Provincia" for Costa Rica, "Departamento" for Guatemala). A kind the catalogue does not name
// is written as iso-codes gives it. With no subdivisions on file: the generic word.
LocalizedText subdivision_category(std::vector<std::pair<std::string, std::int64_t>> kinds);
// The words a nominations file may head the subdivision column with, in both languages.
std::vector<std::string> subdivision_header_words(const std::vector<std::pair<std::string, std::int64_t>>& kinds);

// A programme code: 2 to 40 letters, digits, '-', '_' or '.', starting with a letter or digit.
bool is_valid_programme_code(std::string_view code);

// YYYY-MM-DD, a real date.
std::optional<std::chrono::sys_days> parse_date(std::string_view text);
std::string format_date(std::chrono::sys_days day);

// Every problem with a programme's description, each named by its path ("modules[2].hours").
std::vector<FieldError> check_programme(const Programme& programme);

// A programme must be complete to become active: dates and at least one module.
std::vector<FieldError> check_ready_to_open(const Programme& programme);

// An edition's dates moved with its start: a time (ISO 8601 UTC) shifted by `days` keeping its
// wall-clock time in `time_zone`, or a date. Text that is not a time or date is returned as is.
std::string shift_moment(std::string_view iso, std::chrono::days days, std::string_view time_zone);
std::string shift_date(std::string_view date, std::chrono::days days);

}  // namespace diplomado
