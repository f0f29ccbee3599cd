#include "cli/teaching_commands.hpp"

#include <chrono>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>

#include "documents/gradebook_report.hpp"
#include "documents/import_report.hpp"
#include "documents/table_reader.hpp"
#include "services/import_grades.hpp"
#include "documents/spreadsheet_cell.hpp"
#include "services/get_gradebook.hpp"
#include "services/list_programmes.hpp"

namespace diplomado::cli {
namespace {

using nlohmann::ordered_json;

std::string csv_number(const std::optional<double>& value) {
  if (!value) return "";
  auto text = ordered_json(*value).dump();
  return text;
}

// Text cells of the CSV: neutralised against formulas, quoted when they hold a comma, a quote
// or a line break.
std::string csv_text(const std::string& raw) {
  const auto text = documents::neutralise_formula(raw);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace

int run_gradebook(services::Store& store, const std::string& programme_code, const std::string& format, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto gradebook = services::get_gradebook(store, std::nullopt, *programme_id);
  if (!gradebook) return print_error(gradebook.error(), console), 1;
  const auto modules = gradebook->modules.size();
  if (format == "csv") {
    console.out << "enrollment_id,given_names,family_names,status,team";
    for (std::size_t m = 1; m <= modules; ++m) console.out << ",module_" << m << "_grade";
    console.out << ",final_grade,attendance";
    for (std::size_t m = 1; m <= modules; ++m) console.out << ",module_" << m << "_attendance";
    console.out << ",modules_passed,meets_requirements\n";
    for (const auto& row : gradebook->rows) {
      const auto& p = row.progress;
      console.out << row.enrollment.enrollment_id << ',' << csv_text(row.enrollment.given_names) << ',' << csv_text(row.enrollment.family_names) << ','
                  << row.enrollment.status << ',' << csv_text(row.enrollment.team_name);
      for (const auto& grade : p.module_grades) console.out << ',' << csv_number(grade);
      console.out << ',' << csv_number(p.final_grade) << ',' << csv_number(p.attendance);
      for (const auto& rate : p.module_attendance) console.out << ',' << csv_number(rate);
      console.out << ',' << p.modules_passed << ',' << (row.meets_requirements ? "true" : "false") << '\n';
    }
    return 0;
  }
  console.out << documents::gradebook_json(*gradebook, programme_code) << '\n';
  return 0;
}

int run_gain(services::Store& store, const std::string& programme_code, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto report = services::get_knowledge_gain(store, std::nullopt, *programme_id);
  if (!report) return print_error(report.error(), console), 1;
  console.out << documents::knowledge_gain_json(*report, programme_code) << '\n';
  return 0;
}

int run_import_grades(services::Store& store, const std::string& file, const std::string& programme_code, bool dry_run, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  std::ifstream in(file, std::ios::binary);
  if (!in) return print_error(field_error("file", "unreadable", "error.seed.file", file), console), 1;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() > documents::max_table_bytes)
    return print_error(field_error("file", "too_large", "error.import.too_large", std::to_string(bytes.size() / (1024 * 1024)) + " MiB"), console), 1;
  auto summary = services::import_grades(store, std::nullopt, *programme_id, dry_run ? services::ImportMode::dry_run : services::ImportMode::commit,
                                         documents::table_reader_for(bytes), std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (!summary) return print_error(summary.error(), console), 1;
  console.out << documents::grade_import_json(*summary, console.language) << '\n';
  return summary->errors.empty() ? 0 : 2;
}

}  // namespace diplomado::cli
