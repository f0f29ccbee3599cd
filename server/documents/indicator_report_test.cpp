// The indicators' workbook read back, sheet by sheet, against a golden text (UPDATE_GOLDEN=1
// rewrites it), in both languages and in the version for sharing.
#include "documents/indicator_report.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "documents/xlsx_reader.hpp"

namespace diplomado::documents {
namespace {

Category category(std::string key, std::string es, std::string en) { return {std::move(key), {std::move(es), std::move(en)}}; }

services::IndicatorReport sample_report() {
  IndicatorInput input;
  input.modules = {{"Derechos humanos", "Human rights"}, {"Estadística", "Statistics"}};
  const auto female = category("female", "Femenino", "Female"), male = category("male", "Masculino", "Male");
  const auto national = category("national", "Nacional", "National"), local = category("local", "Local", "Local");
  const auto snm = category("1", "Servicio Nacional de Migración (SNM)", "National Migration Service (SNM)");
  const auto inec = category("2", "Instituto Nacional de Estadística y Censo (INEC)", "National Institute of Statistics and Census (INEC)");
  const auto darien = category("PA-5", "Darién", "Darién"), chiriqui = category("PA-4", "Chiriquí", "Chiriquí");
  for (int i = 0; i < 14; ++i) {
    IndicatorEnrollment person{i % 3 ? female : male, i % 4 ? local : national, i < 10 ? snm : inec, i % 2 ? darien : chiriqui,
                               i == 13 ? EnrollmentStatus::withdrawn : (i < 11 ? EnrollmentStatus::graduated : EnrollmentStatus::enrolled),
                               70.0 + i * 2, {70.0 + i * 2, 80.0}, 40.0 + i, 60.0 + i * 1.5};
    input.enrollments.push_back(person);
  }
  input.projects = {{"Ruta de atención", "Darién — SNM", darien, {1, 7, 23}}, {"Datos abiertos", "Chiriquí — INEC", chiriqui, {1, 3}}};
  input.likert = {{{"El diplomado fue útil para mi trabajo", "The course was useful for my work"}, 1, 5, {0, 1, 2, 5, 6}}};
  input.survey_respondents = 14;
  services::IndicatorReport report;
  report.programme_code = "DEMO-1";
  report.title = {"Diplomado de prueba", "Test diploma course"};
  report.start_date = "2023-05-15";
  report.end_date = "2023-10-11";
  report.sdgs = {10, 16, 17};
  report.organisations = {{"implementer", {"Organización Internacional para las Migraciones", "International Organization for Migration"}, "OIM"},
                          {"funder", {"Gobierno de Canadá", "Government of Canada"}, "IRCC"}};
  report.modules = input.modules;
  report.attendance_threshold = 80;
  report.indicators = compute_indicators(input);
  return report;
}

std::string read_back(const std::string& bytes) {
  std::ostringstream out;
  for (std::size_t sheet = 0;; ++sheet) {
    std::ostringstream rows;
    auto info = read_xlsx_sheet(
        bytes, sheet,
        [&](long, std::vector<std::string>& cells) {
          for (std::size_t c = 0; c < cells.size(); ++c) rows << (c ? " | " : "") << cells[c];
          rows << '\n';
          return true;
        },
        64 * 1024 * 1024);
    if (!info) break;
    out << "## " << info->sheet << '\n' << rows.str() << '\n';
  }
  return out.str();
}

void expect_golden(const std::string& text, const std::string& name) {
  const std::string path = std::string(DIPLOMADO_FIXTURES_DIR) + "/golden/" + name;
  if (std::getenv("UPDATE_GOLDEN")) std::ofstream(path) << text;
  std::ifstream file(path);
  std::stringstream golden;
  golden << file.rdbuf();
  EXPECT_EQ(text, golden.str()) << path << " (UPDATE_GOLDEN=1 rewrites it)";
}

TEST(IndicatorWorkbook, ReadsBackAsItsGoldenTextInBothLanguages) {
  auto report = sample_report();
  for (auto [language, name] : {std::pair{Language::es, "indicators-es.txt"}, std::pair{Language::en, "indicators-en.txt"}}) {
    auto bytes = workbook_xlsx(indicator_workbook(report, language));
    ASSERT_TRUE(bytes);
    expect_golden(read_back(*bytes), name);
  }
}

TEST(IndicatorWorkbook, TheSharedVersionWritesNoSmallCount) {
  auto report = sample_report();
  report.audience = services::ReportAudience::shared;
  protect_for_sharing(report.indicators, 5);
  auto bytes = workbook_xlsx(indicator_workbook(report, Language::es));
  ASSERT_TRUE(bytes);
  const auto text = read_back(*bytes);
  expect_golden(text, "indicators-shared-es.txt");
  EXPECT_NE(text.find("<5"), std::string::npos);
  EXPECT_NE(text.find(" | x"), std::string::npos);
  // The long CSV holds the same hidden marks and no number where a count is hidden.
  const auto csv = table_csv(indicator_long_table(report, Language::en), Language::en);
  EXPECT_NE(csv.find(",<5\r\n"), std::string::npos);
  EXPECT_EQ(csv.find(",1\r\n"), std::string::npos);
  EXPECT_EQ(csv.find(",2\r\n"), std::string::npos);
}

}  // namespace
}  // namespace diplomado::documents
