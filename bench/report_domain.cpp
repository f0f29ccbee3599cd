// Issue 14's report benchmark, in memory: every indicator for a programme of 100,000 enrolments
// (40 institutions, 80 subdivisions, two sexes, two levels, six modules, pre/post tests, 200
// projects, five survey questions), the version for sharing (small-cell suppression on every
// table), and the XLSX workbook. Prints wall time per step and peak resident memory.
// Goals on a 2-core machine: indicators under 500 ms, the XLSX under 3 s.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include <fmt/format.h>

#include "documents/indicator_report.hpp"

using namespace diplomado;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

Category numbered(const char* prefix_es, const char* prefix_en, int number) {
  return {std::to_string(number), {fmt::format("{} {}", prefix_es, number), fmt::format("{} {}", prefix_en, number)}};
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
  std::mt19937 random(20231011);
  std::uniform_real_distribution<double> percent(0, 100);
  IndicatorInput input;
  for (int m = 1; m <= 6; ++m) input.modules.push_back({fmt::format("Módulo {}", m), fmt::format("Module {}", m)});
  const Category sexes[] = {{"female", {"Femenino", "Female"}}, {"male", {"Masculino", "Male"}}};
  const Category levels[] = {{"national", {"Nacional", "National"}}, {"local", {"Local", "Local"}}};
  input.enrollments.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    IndicatorEnrollment enrollment;
    enrollment.sex = sexes[random() % 2];
    enrollment.level = levels[random() % 2];
    enrollment.institution = numbered("Institución", "Institution", static_cast<int>(random() % 40));
    enrollment.subdivision = numbered("Provincia", "Province", static_cast<int>(random() % 80));
    const auto roll = random() % 20;
    enrollment.status = roll == 0 ? EnrollmentStatus::withdrawn : roll < 3 ? EnrollmentStatus::enrolled : EnrollmentStatus::graduated;
    enrollment.attendance = 60 + percent(random) * 0.4;
    for (int m = 0; m < 6; ++m) enrollment.module_attendance.push_back(60 + percent(random) * 0.4);
    enrollment.pretest = percent(random) * 0.6;
    enrollment.posttest = std::min(100.0, *enrollment.pretest + percent(random) * 0.5);
    input.enrollments.push_back(std::move(enrollment));
  }
  for (int p = 0; p < 200; ++p)
    input.projects.push_back({fmt::format("Proyecto {}", p), fmt::format("Equipo {}", p), numbered("Provincia", "Province", p % 80),
                              {1 + p % 23, 1 + (p * 7) % 23}});
  for (int q = 0; q < 5; ++q)
    input.likert.push_back({{fmt::format("Pregunta {}", q), fmt::format("Question {}", q)}, 1, 5, {count / 50, count / 20, count / 10, count / 3, count / 3}});
  input.survey_respondents = count * 9 / 10;

  auto start = Clock::now();
  services::IndicatorReport report;
  report.programme_code = "BENCH";
  report.title = {"Banco de pruebas", "Benchmark"};
  report.modules = input.modules;
  report.sdgs = {10, 16, 17};
  report.indicators = compute_indicators(input);
  const double computed = since(start);
  start = Clock::now();
  protect_for_sharing(report.indicators, 5);
  const double suppressed = since(start);
  start = Clock::now();
  const auto json = documents::indicators_json(report);
  const double json_ms = since(start);
  start = Clock::now();
  auto xlsx = documents::workbook_xlsx(documents::indicator_workbook(report, Language::es));
  const double xlsx_ms = since(start);
  if (!xlsx) return 1;
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("report, {} enrolments in memory:\n", count);
  fmt::print("  indicators computed:        {:8.1f} ms (goal 500 ms)\n", computed);
  fmt::print("  small-cell suppression:     {:8.1f} ms\n", suppressed);
  fmt::print("  indicators total:           {:8.1f} ms\n", computed + suppressed);
  fmt::print("  JSON answer:                {:8.1f} ms ({} bytes)\n", json_ms, json.size());
  fmt::print("  XLSX workbook:              {:8.1f} ms (goal 3,000 ms; {} bytes)\n", xlsx_ms, xlsx->size());
  fmt::print("  peak RSS:                   {:8.1f} MB\n", static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
