#include "documents/gradebook_report.hpp"

#include <nlohmann/json.hpp>

#include "documents/spreadsheet_cell.hpp"

namespace diplomado::documents {
namespace {

using nlohmann::ordered_json;

ordered_json number_or_null(const std::optional<double>& value) { return value ? ordered_json(*value) : ordered_json(nullptr); }

std::string csv_number(const std::optional<double>& value) { return value ? ordered_json(*value).dump() : std::string(); }

}  // namespace

std::string gradebook_csv(const services::Gradebook& gradebook) {
  const auto modules = gradebook.modules.size();
  std::string out = "enrollment_id,given_names,family_names,status,team";
  for (std::size_t m = 1; m <= modules; ++m) out += ",module_" + std::to_string(m) + "_grade";
  out += ",final_grade,attendance";
  for (std::size_t m = 1; m <= modules; ++m) out += ",module_" + std::to_string(m) + "_attendance";
  out += ",modules_passed,project_submitted,meets_requirements\n";
  for (const auto& row : gradebook.rows) {
    const auto& p = row.progress;
    out += std::to_string(row.enrollment.enrollment_id) + ',' + csv_cell(row.enrollment.given_names, ',') + ',' +
           csv_cell(row.enrollment.family_names, ',') + ',' + row.enrollment.status + ',' + csv_cell(row.enrollment.team_name, ',');
    for (const auto& grade : p.module_grades) out += ',' + csv_number(grade);
    out += ',' + csv_number(p.final_grade) + ',' + csv_number(p.attendance);
    for (const auto& rate : p.module_attendance) out += ',' + csv_number(rate);
    out += ',' + std::to_string(p.modules_passed) + ',' + (row.project_submitted ? "true" : "false") + ',' + (row.meets_requirements ? "true" : "false") + '\n';
  }
  return out;
}

std::string gradebook_json(const services::Gradebook& gradebook, const std::string& programme_code) {
  ordered_json document;
  document["programme"] = programme_code;
  document["policy"] = {{"module_pass_mark", gradebook.policy.module_pass_mark},
                        {"missing_grade", to_string(gradebook.policy.missing_grade)},
                        {"rounding_decimals", gradebook.policy.rounding_decimals},
                        {"attendance_threshold", gradebook.policy.attendance_threshold},
                        {"excused_absence", to_string(gradebook.policy.excused)}};
  ordered_json assessments = ordered_json::array();
  for (const auto& assessment : gradebook.assessments)
    assessments.push_back({{"id", assessment.id},
                           {"code", assessment.code},
                           {"kind", to_string(assessment.rules.kind)},
                           {"module", assessment.rules.module ? ordered_json(*assessment.rules.module + 1) : ordered_json(nullptr)},
                           {"max_score", assessment.rules.max_score},
                           {"weight", assessment.rules.weight}});
  document["assessments"] = std::move(assessments);
  ordered_json sessions = ordered_json::array();
  for (std::size_t s = 0; s < gradebook.session_ids.size(); ++s)
    sessions.push_back({{"id", gradebook.session_ids[s]}, {"module", gradebook.session_modules[s] + 1}});
  document["sessions"] = std::move(sessions);
  ordered_json rows = ordered_json::array();
  std::size_t meeting = 0;
  for (const auto& row : gradebook.rows) {
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
                    {"project_submitted", row.project_submitted},
                    {"meets_requirements", row.meets_requirements}});
    meeting += row.meets_requirements;
  }
  document["enrollments"] = gradebook.rows.size();
  document["meeting_requirements"] = meeting;
  document["rows"] = std::move(rows);
  return document.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

std::string knowledge_gain_json(const services::KnowledgeGainReport& report, const std::string& programme_code) {
  const auto& gain = report.aggregate;
  ordered_json participants = ordered_json::array();
  for (const auto& row : report.participants)
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
                        {"pass_mark", report.pass_mark},
                        {"wilcoxon_signed_rank",
                         {{"n", gain.wilcoxon.n}, {"w_plus", gain.wilcoxon.w_plus}, {"z", gain.wilcoxon.z}, {"p_value", gain.wilcoxon.p_value},
                          {"exact", gain.wilcoxon.exact}}},
                        {"participants", participants}};
  return document.dump(2, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace diplomado::documents
