#include "domain/programme_rules.hpp"

#include "domain/messages.hpp"
#include "domain/time.hpp"

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>

namespace diplomado {
namespace {

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

FieldError problem(std::string field, const char* code, std::string value = {}) {
  return FieldError{std::move(field), std::nullopt, code, std::string("error.programme.") + code, std::move(value)};
}

std::string fmt_number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// The zone's offset from UTC at `time`, in seconds (0 for a zone ICU does not know).
std::chrono::seconds zone_offset(std::string_view zone, TimePoint time) {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), static_cast<int32_t>(zone.size())))));
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  tz->getOffset(static_cast<UDate>(time.time_since_epoch().count()) * 1000.0, false, raw, dst, status);
  return U_SUCCESS(status) ? std::chrono::seconds{(raw + dst) / 1000} : std::chrono::seconds{0};
}

bool is_upper_pair(std::string_view text) {
  return text.size() == 2 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::string_view to_string(ProgrammeStatus status) {
  switch (status) {
    case ProgrammeStatus::draft: return "draft";
    case ProgrammeStatus::active: return "active";
    case ProgrammeStatus::closed: return "closed";
  }
  return "draft";
}

std::optional<ProgrammeStatus> parse_programme_status(std::string_view text) {
  if (text == "draft") return ProgrammeStatus::draft;
  if (text == "active") return ProgrammeStatus::active;
  if (text == "closed") return ProgrammeStatus::closed;
  return std::nullopt;
}

bool can_change_status(ProgrammeStatus from, ProgrammeStatus to) {
  if (from == to) return from != ProgrammeStatus::closed;
  return (from == ProgrammeStatus::draft && to == ProgrammeStatus::active) || (from == ProgrammeStatus::active && to == ProgrammeStatus::closed);
}

bool is_known_country(std::string_view code) {
  if (!is_upper_pair(code)) return false;
  const auto& countries = known_countries();
  return std::binary_search(countries.begin(), countries.end(), code, [](const auto& a, const auto& b) {
    if constexpr (std::is_same_v<std::decay_t<decltype(a)>, CountryInfo>) return std::string_view(a.code) < b;
    else return a < std::string_view(b.code);
  });
}

bool is_known_time_zone(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool system = false;
  icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), static_cast<int32_t>(zone.size()))), canonical, system,
                                status);
  return U_SUCCESS(status) && system && zone.find('/') != std::string_view::npos;
}

bool is_known_locale(std::string_view locale) {
  if (locale.size() < 5 || locale.size() > 6) return false;
  const auto dash = locale.find('-');
  if (dash == std::string_view::npos || dash < 2 || dash > 3) return false;
  const auto language = locale.substr(0, dash), region = locale.substr(dash + 1);
  if (!std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; }) || !is_known_country(region)) return false;
  for (const auto& country : known_countries())
    if (country.code == region) return std::find(country.locales.begin(), country.locales.end(), locale) != country.locales.end();
  return false;
}

std::string default_locale(std::string_view country) {
  for (const auto& known : known_countries())
    if (known.code == country) {
      for (const char* language : {"es-", "en-"})
        if (std::ranges::find(known.locales, language + known.code) != known.locales.end()) return language + known.code;
      return known.locales.empty() ? std::string() : known.locales.front();
    }
  return {};
}

const std::vector<CountryInfo>& known_countries() {
  static const std::vector<CountryInfo> countries = [] {
    std::vector<CountryInfo> result;
    const icu::Locale spanish("es"), english("en");
    for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
      if (!is_upper_pair(*code)) continue;
      CountryInfo country;
      country.code = *code;
      const icu::Locale place("", *code);
      icu::UnicodeString name;
      country.name.es = utf8(place.getDisplayCountry(spanish, name));
      name.remove();
      country.name.en = utf8(place.getDisplayCountry(english, name));
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::StringEnumeration> zones(
          icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, *code, nullptr, status));
      if (U_SUCCESS(status) && zones)
        while (const icu::UnicodeString* zone = zones->snext(status)) {
          if (U_FAILURE(status)) break;
          country.time_zones.push_back(utf8(*zone));
        }
      result.push_back(std::move(country));
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    int32_t count = 0;
    const icu::Locale* available = icu::Locale::getAvailableLocales(count);
    for (int32_t i = 0; i < count; ++i) {
      const std::string language = available[i].getLanguage(), region = available[i].getCountry();
      if (language.empty() || region.size() != 2 || *available[i].getScript() || *available[i].getVariant()) continue;
      const auto found = std::lower_bound(result.begin(), result.end(), region, [](const CountryInfo& a, const std::string& b) { return a.code < b; });
      if (found != result.end() && found->code == region) found->locales.push_back(language + "-" + region);
    }
    for (auto& country : result) std::sort(country.locales.begin(), country.locales.end());
    return result;
  }();
  return countries;
}

namespace {
// A kind's name in one language: the catalogue's, or the kind itself made readable.
std::string kind_name(const std::string& kind, Language language) {
  const std::string key = "subdivision.kind." + kind;
  std::string name = translate(key, language);
  if (name == key) {
    name = kind;
    std::ranges::replace(name, '_', ' ');
  }
  return name;
}
std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}
std::string upper_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}
}  // namespace

LocalizedText subdivision_category(std::vector<std::pair<std::string, std::int64_t>> kinds) {
  std::ranges::stable_sort(kinds, [](const auto& a, const auto& b) { return a.second > b.second; });
  if (kinds.empty()) return {translate("subdivision.generic", Language::es), translate("subdivision.generic", Language::en)};
  LocalizedText label{upper_first(kind_name(kinds[0].first, Language::es)), upper_first(kind_name(kinds[0].first, Language::en))};
  if (kinds.size() > 1 && kinds[1].second >= 3) {
    label.es += " o " + lower_first(kind_name(kinds[1].first, Language::es));
    label.en += " or " + lower_first(kind_name(kinds[1].first, Language::en));
  }
  return label;
}

std::vector<std::string> subdivision_header_words(const std::vector<std::pair<std::string, std::int64_t>>& kinds) {
  std::vector<std::string> words;
  for (const auto& [kind, count] : kinds)
    for (const auto language : {Language::es, Language::en}) words.push_back(kind_name(kind, language));
  const auto label = subdivision_category(kinds);
  words.push_back(label.es);
  words.push_back(label.en);
  return words;
}

bool is_valid_programme_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 40) return false;
  const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'; };
  return std::all_of(code.begin(), code.end(), allowed) && code.front() != '-' && code.front() != '_' && code.front() != '.';
}

std::optional<std::chrono::sys_days> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p)
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  const std::chrono::year_month_day date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                                         std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date};
}

std::string format_date(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return buffer;
}

std::vector<FieldError> check_programme(const Programme& programme) {
  std::vector<FieldError> errors;
  if (!is_valid_programme_code(programme.code)) errors.push_back(problem("code", "invalid_code", programme.code));
  for (const auto& [field, text] : {std::pair{"title.es", &programme.title.es}, std::pair{"title.en", &programme.title.en}})
    if (text->find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back(problem(field, "required"));
  if (!is_known_country(programme.country)) errors.push_back(problem("country", "unknown_country", programme.country));
  if (!is_known_time_zone(programme.time_zone)) errors.push_back(problem("time_zone", "unknown_time_zone", programme.time_zone));
  if (!is_known_locale(programme.locale)) errors.push_back(problem("locale", "unknown_locale", programme.locale));
  std::optional<std::chrono::sys_days> start, end;
  if (!programme.start_date.empty() && !(start = parse_date(programme.start_date))) errors.push_back(problem("start_date", "invalid_date", programme.start_date));
  if (!programme.end_date.empty() && !(end = parse_date(programme.end_date))) errors.push_back(problem("end_date", "invalid_date", programme.end_date));
  if (start && end && *end < *start) errors.push_back(problem("end_date", "end_before_start", programme.end_date));
  if (programme.modality != "in_person" && programme.modality != "online" && programme.modality != "blended")
    errors.push_back(problem("modality", "unknown_modality", programme.modality));
  std::set<int> sdgs;
  for (std::size_t i = 0; i < programme.sdgs.size(); ++i) {
    const int sdg = programme.sdgs[i];
    if (sdg < 1 || sdg > 17) errors.push_back(problem("sdgs[" + std::to_string(i) + "]", "unknown_sdg", std::to_string(sdg)));
    else if (!sdgs.insert(sdg).second) errors.push_back(problem("sdgs[" + std::to_string(i) + "]", "duplicate_sdg", std::to_string(sdg)));
  }
  for (std::size_t i = 0; i < programme.organisations.size(); ++i) {
    const auto& organisation = programme.organisations[i];
    const auto path = "organisations[" + std::to_string(i) + "]";
    if (organisation.role != "implementer" && organisation.role != "funder") errors.push_back(problem(path + ".role", "unknown_role", organisation.role));
    if (organisation.name.es.empty()) errors.push_back(problem(path + ".name.es", "required"));
    if (organisation.name.en.empty()) errors.push_back(problem(path + ".name.en", "required"));
  }
  for (std::size_t i = 0; i < programme.modules.size(); ++i) {
    const auto& module = programme.modules[i];
    const auto path = "modules[" + std::to_string(i) + "]";
    if (module.title.es.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back(problem(path + ".title.es", "required"));
    if (module.title.en.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back(problem(path + ".title.en", "required"));
    if (!(module.hours >= 0) || module.hours > 10'000) errors.push_back(problem(path + ".hours", "invalid_hours", fmt_number(module.hours)));
    if (!(module.pass_mark >= 0) || module.pass_mark > 100) errors.push_back(problem(path + ".pass_mark", "invalid_pass_mark", fmt_number(module.pass_mark)));
  }
  return errors;
}

std::vector<FieldError> check_ready_to_open(const Programme& programme) {
  std::vector<FieldError> errors;
  if (programme.start_date.empty()) errors.push_back(problem("start_date", "required_to_open"));
  if (programme.end_date.empty()) errors.push_back(problem("end_date", "required_to_open"));
  if (programme.modules.empty()) errors.push_back(problem("modules", "no_modules"));
  return errors;
}

std::string shift_moment(std::string_view iso, std::chrono::days days, std::string_view time_zone) {
  const auto time = parse_iso8601(iso);
  if (!time) return std::string(iso);
  // Same wall-clock time in the programme's zone, even across a change to or from summer time.
  const TimePoint moved = *time + days;
  return format_iso8601(moved + (zone_offset(time_zone, *time) - zone_offset(time_zone, moved)));
}

std::string shift_date(std::string_view date, std::chrono::days days) {
  const auto parsed = parse_date(date);
  return parsed ? format_date(*parsed + days) : std::string(date);
}

}  // namespace diplomado
