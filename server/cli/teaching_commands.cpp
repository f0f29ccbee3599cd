#include "cli/teaching_commands.hpp"

#include <nlohmann/json.hpp>
#include <ostream>

#include "services/get_gradebook.hpp"
#include "services/list_programmes.hpp"

namespace diplomado::cli {
namespace {

using nlohmann::ordered_json;

ordered_json number_or_null(const std::optional<double>& value) { return value ? ordered_json(*value) : ordered_json(nullptr); }

std::string csv_number(const std::optional<double>& value) {
  if (!value) return "";
  auto text = ordered_json(*value).dump();
  return text;
}

// Text cells of the CSV: quoted when they hold a comma, a quote or a line break.
std::string csv_text(const std::string& text) {
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
  ordered_json document;
  document["programme"] = programme_code;
  document["policy"] = {{"module_pass_mark", gradebook->policy.module_pass_mark},
                        {"missing_grade", to_string(gradebook->policy.missing_grade)},
                        {"rounding_decimals", gradebook->policy.rounding_decimals},
                        {"attendance_threshold", gradebook->policy.attendance_threshold},
                        {"excused_absence", to_string(gradebook->policy.excused)}};
  ordered_json rows = ordered_json::array();
  std::size_t meeting = 0;
  for (const auto& row : gradebook->rows) {
    const auto& p = row.progress;
    ordered_json grades = ordered_json::array(), rates = ordered_json::array();
    for (const auto& grade : p.module_grades) grades.push_back(number_or_null(grade));
    for (const auto& rate : p.module_attendance) rates.push_back(number_or_null(rate));
    rows.push_back({{"enrollment_id", row.enrollment.enrollment_id},
                    {"given_names", row.enrollment.given_names},
                    {"family_names", row.enrollment.family_names},
                    {"status", row.enrollment.status},
                    {"team", row.enrollment.team_name},
                    {"module_grades", grades},
                    {"final_grade", number_or_null(p.final_grade)},
                    {"attendance", number_or_null(p.attendance)},
                    {"module_attendance", rates},
                    {"modules_passed", p.modules_passed},
                    {"meets_requirements", row.meets_requirements}});
    meeting += row.meets_requirements;
  }
  document["enrollments"] = gradebook->rows.size();
  document["meeting_requirements"] = meeting;
  document["rows"] = std::move(rows);
  console.out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  return 0;
}

int run_gain(services::Store& store, const std::string& programme_code, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto report = services::get_knowledge_gain(store, std::nullopt, *programme_id);
  if (!report) return print_error(report.error(), console), 1;
  const auto& gain = report->aggregate;
  ordered_json participants = ordered_json::array();
  for (const auto& row : report->participants)
    participants.push_back({{"enrollment_id", row.enrollment.enrollment_id},
                            {"given_names", row.enrollment.given_names},
                            {"family_names", row.enrollment.family_names},
                            {"pre", row.gain.pre},
                            {"post", row.gain.post},
                            {"gain", row.gain.gain},
                            {"normalised_gain", number_or_null(row.gain.normalised_gain)}});
  ordered_json document{{"programme", programme_code},
                        {"n", gain.pairs},
                        {"mean_pre", gain.mean_pre},
                        {"mean_post", gain.mean_post},
                        {"mean_gain", gain.mean_gain},
                        {"mean_normalised_gain", number_or_null(gain.mean_normalised_gain)},
                        {"share_improved", gain.share_improved},
                        {"share_post_at_pass_mark", gain.share_post_pass},
                        {"pass_mark", report->pass_mark},
                        {"wilcoxon_signed_rank",
                         {{"n", gain.wilcoxon.n}, {"w_plus", gain.wilcoxon.w_plus}, {"z", gain.wilcoxon.z}, {"p_value", gain.wilcoxon.p_value},
                          {"exact", gain.wilcoxon.exact}}},
                        {"participants", participants}};
  console.out << document.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  return 0;
}

}  // namespace diplomado::cli
