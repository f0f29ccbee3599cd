#include "domain/programme_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace diplomado {
namespace {

Programme costa_rica() {
  Programme programme;
  programme.code = "GIF-CR-2025";
  programme.title = {"Gestión de fronteras", "Border management"};
  programme.country = "CR";
  programme.time_zone = "America/Costa_Rica";
  programme.locale = "es-CR";
  programme.start_date = "2025-03-03";
  programme.end_date = "2025-06-30";
  programme.modality = "blended";
  programme.sdgs = {10, 16};
  programme.modules = {Module{0, 1, {"Derechos humanos", "Human rights"}, 20, 70}, Module{0, 2, {"Estadística", "Statistics"}, 12, 0}};
  return programme;
}

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> result;
  for (const auto& error : errors) result.push_back(error.field);
  return result;
}

TEST(ProgrammeRules, AProgrammeSetInAnyCountryIsAccepted) {
  EXPECT_TRUE(check_programme(costa_rica()).empty());
  Programme belize = costa_rica();
  belize.country = "BZ";
  belize.time_zone = "America/Belize";
  belize.locale = "en-BZ";
  EXPECT_TRUE(check_programme(belize).empty());
}

TEST(ProgrammeRules, CountryTimeZoneAndLocaleComeFromIcuData) {
  EXPECT_TRUE(is_known_country("PA"));
  EXPECT_FALSE(is_known_country("XX"));
  EXPECT_FALSE(is_known_country("pa"));
  EXPECT_TRUE(is_known_time_zone("America/Costa_Rica"));
  EXPECT_FALSE(is_known_time_zone("America/Atlantis"));
  EXPECT_FALSE(is_known_time_zone("GMT+5"));
  EXPECT_TRUE(is_known_locale("es-CR"));
  EXPECT_TRUE(is_known_locale("en-BZ"));
  EXPECT_FALSE(is_known_locale("es_CR"));
  EXPECT_FALSE(is_known_locale("xx-CR"));
  EXPECT_EQ(default_locale("CR"), "es-CR");
  EXPECT_EQ(default_locale("BZ"), "es-BZ");
  EXPECT_EQ(default_locale("GB"), "en-GB");
  EXPECT_EQ(default_locale("ZZ"), "");
}

TEST(ProgrammeRules, CountriesListTheirZonesLocalesAndNamesInBothLanguages) {
  const auto& countries = known_countries();
  const auto panama = std::ranges::find(countries, std::string("PA"), &CountryInfo::code);
  ASSERT_NE(panama, countries.end());
  EXPECT_EQ(panama->name.es, "Panamá");
  EXPECT_EQ(panama->name.en, "Panama");
  EXPECT_EQ(panama->time_zones, std::vector<std::string>{"America/Panama"});
  EXPECT_NE(std::ranges::find(panama->locales, std::string("es-PA")), panama->locales.end());
  EXPECT_TRUE(std::ranges::is_sorted(countries, {}, &CountryInfo::code));
}

TEST(ProgrammeRules, EveryBadValueIsNamedByItsPath) {
  Programme programme = costa_rica();
  programme.code = "-bad code";
  programme.title.en = " ";
  programme.country = "XX";
  programme.time_zone = "Mars/Olympus";
  programme.locale = "es-XX";
  programme.end_date = "2025-01-01";
  programme.sdgs = {10, 10, 18};
  programme.modules[1].hours = -3;
  programme.modules[0].pass_mark = 120;
  EXPECT_EQ(fields(check_programme(programme)), (std::vector<std::string>{"code", "title.en", "country", "time_zone", "locale", "end_date", "sdgs[1]",
                                                                           "sdgs[2]", "modules[0].pass_mark", "modules[1].hours"}));
  const auto errors = check_programme(programme);
  EXPECT_EQ(errors[5].message_key, "error.programme.end_before_start");
  EXPECT_EQ(errors.back().value, "-3");
}

TEST(ProgrammeRules, ADateMustBeARealDate) {
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023-2-1"));
  Programme programme = costa_rica();
  programme.start_date = "2025-13-01";
  EXPECT_EQ(fields(check_programme(programme)), std::vector<std::string>{"start_date"});
}

TEST(ProgrammeRules, ToOpenAProgrammeNeedsDatesAndModules) {
  Programme programme = costa_rica();
  EXPECT_TRUE(check_ready_to_open(programme).empty());
  programme.modules.clear();
  programme.end_date.clear();
  EXPECT_EQ(fields(check_ready_to_open(programme)), (std::vector<std::string>{"end_date", "modules"}));
}

TEST(ProgrammeRules, StatusesMoveForwardOnly) {
  EXPECT_TRUE(can_change_status(ProgrammeStatus::draft, ProgrammeStatus::active));
  EXPECT_TRUE(can_change_status(ProgrammeStatus::active, ProgrammeStatus::closed));
  EXPECT_FALSE(can_change_status(ProgrammeStatus::closed, ProgrammeStatus::active));
  EXPECT_FALSE(can_change_status(ProgrammeStatus::active, ProgrammeStatus::draft));
  EXPECT_FALSE(can_change_status(ProgrammeStatus::draft, ProgrammeStatus::closed));
  EXPECT_FALSE(can_change_status(ProgrammeStatus::closed, ProgrammeStatus::closed));
  EXPECT_EQ(parse_programme_status("active"), ProgrammeStatus::active);
  EXPECT_EQ(parse_programme_status("open"), std::nullopt);
}

TEST(ProgrammeRules, AClonedEditionKeepsWallClockTimesAcrossSummerTime) {
  // Panama has no summer time: a session at 08:00 (13:00 UTC) stays at 13:00 UTC a year later.
  EXPECT_EQ(shift_moment("2023-05-22T13:00:00Z", std::chrono::days{364}, "America/Panama"), "2024-05-20T13:00:00Z");
  // Madrid: 09:00 in winter is 08:00 UTC; moved into summer it is 07:00 UTC, still 09:00 there.
  EXPECT_EQ(shift_moment("2024-01-15T08:00:00Z", std::chrono::days{182}, "Europe/Madrid"), "2024-07-15T07:00:00Z");
  EXPECT_EQ(shift_date("2023-10-11", std::chrono::days{366}), "2024-10-11");
  EXPECT_EQ(shift_date("2024-02-29", std::chrono::days{-1}), "2024-02-28");
  EXPECT_EQ(shift_moment("not a time", std::chrono::days{3}, "America/Panama"), "not a time");
}

TEST(ProgrammeRules, ProgrammeCodes) {
  EXPECT_TRUE(is_valid_programme_code("IBM-HR-PA-2023"));
  EXPECT_TRUE(is_valid_programme_code("gif.cr_2025"));
  EXPECT_FALSE(is_valid_programme_code("A"));
  EXPECT_FALSE(is_valid_programme_code("código"));
  EXPECT_FALSE(is_valid_programme_code("with space"));
  EXPECT_FALSE(is_valid_programme_code(std::string(41, 'a')));
}

}  // namespace
}  // namespace diplomado

namespace diplomado {
namespace {

TEST(ProgrammeRules, ACountryNamesItsSubdivisionsByTheKindsItHas) {
  EXPECT_EQ(subdivision_category({{"province", 10}, {"comarca", 5}}).es, "Provincia o comarca");
  EXPECT_EQ(subdivision_category({{"province", 7}}).en, "Province");
  EXPECT_EQ(subdivision_category({{"department", 22}}).es, "Departamento");
  // A second kind with fewer than 3 places is not named; the most common comes first.
  EXPECT_EQ(subdivision_category({{"capital_district", 1}, {"department", 32}}).es, "Departamento");
  EXPECT_EQ(subdivision_category({{"outlying_area", 6}, {"state", 50}}).en, "State or outlying area");
  // A kind the catalogue does not name is written as iso-codes gives it.
  EXPECT_EQ(subdivision_category({{"special_municipality", 4}}).en, "Special municipality");
  EXPECT_EQ(subdivision_category({}).es, "División territorial");
  const auto words = subdivision_header_words({{"parish", 14}});
  EXPECT_NE(std::ranges::find(words, std::string("Parroquia")), words.end());
  EXPECT_NE(std::ranges::find(words, std::string("Parish")), words.end());
}

}  // namespace
}  // namespace diplomado
