#include "documents/gradebook_report.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "documents/spreadsheet_cell.hpp"
#include "json/json_writer.hpp"

namespace diplomado::documents {
namespace {

using nlohmann::ordered_json;

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
           csv_cell(row.enrollment.family_names, ',') + ',' + std::string(to_string(row.enrollment.status)) + ',' + csv_cell(row.enrollment.team_name, ',');
    for (const auto& grade : p.module_grades) out += ',' + csv_number(grade);
    out += ',' + csv_number(p.final_grade) + ',' + csv_number(p.attendance);
    for (const auto& rate : p.module_attendance) out += ',' + csv_number(rate);
    out += ',' + std::to_string(p.modules_passed) + ',' + (row.project_submitted ? "true" : "false") + ',' + (row.meets_requirements ? "true" : "false") + '\n';
  }
  return out;
}

std::string shortfall_text(const RequirementGap& gap, Language language) {
  const auto text = translate(std::string("gradebook.shortfall.") + std::string(to_string(gap.kind)), language);
  const auto number = [&](std::optional<double> value) {
    auto written = fmt::format("{}", value.value_or(0));
    if (language == Language::es) std::replace(written.begin(), written.end(), '.', ',');
    return written;
  };
  const auto module = gap.module ? *gap.module + 1 : 0;
  switch (gap.kind) {
    case Shortfall::attendance:
      if (!gap.value) return fmt::format(fmt::runtime(translate("gradebook.shortfall.attendance_none", language)), number(gap.required));
      return fmt::format(fmt::runtime(text), number(gap.value), number(gap.required));
    case Shortfall::module_attendance:
    case Shortfall::module_failed: return fmt::format(fmt::runtime(text), module, number(gap.value), number(gap.required));
    case Shortfall::final_grade:
      if (!gap.value) return fmt::format(fmt::runtime(translate("gradebook.shortfall.final_grade_none", language)), number(gap.required));
      return fmt::format(fmt::runtime(text), number(gap.value), number(gap.required));
    case Shortfall::module_ungraded: return fmt::format(fmt::runtime(text), module, number(gap.required));
    case Shortfall::withdrawn:
    case Shortfall::project_missing: return text;
  }
  return text;
}

Table gradebook_table(const services::Gradebook& gradebook, Language language) {
  Table table{translate("gradebook.export.sheet", language), {}, {}};
  table.headers = {translate("export.given_names", language), translate("export.family_names", language), translate("export.institution", language),
                   translate("export.team", language), translate("export.status", language)};
  for (std::size_t m = 1; m <= gradebook.modules.size(); ++m)
    table.headers.push_back(fmt::format(fmt::runtime(translate("gradebook.export.module", language)), m));
  for (const auto* key : {"gradebook.export.final_grade", "gradebook.export.attendance", "gradebook.export.meets", "gradebook.export.reasons"})
    table.headers.push_back(translate(key, language));
  const auto number = [](const std::optional<double>& value) { return value ? TableCell(*value) : TableCell(); };
  table.rows.reserve(gradebook.rows.size());
  for (const auto& row : gradebook.rows) {
    auto& cells = table.rows.emplace_back();
    cells = {row.enrollment.given_names, row.enrollment.family_names, row.enrollment.institution, row.enrollment.team_name,
             translate("export.value." + std::string(to_string(row.enrollment.status)), language)};
    for (const auto& grade : row.progress.module_grades) cells.push_back(number(grade));
    cells.push_back(number(row.progress.final_grade));
    cells.push_back(number(row.progress.attendance));
    cells.emplace_back(translate(row.meets_requirements ? "gradebook.export.yes" : "gradebook.export.no", language));
    std::string reasons;
    for (const auto& gap : row.gaps) reasons += (reasons.empty() ? "" : "; ") + shortfall_text(gap, language);
    cells.emplace_back(std::move(reasons));
  }
  return table;
}

// Written by the streaming writer: 100,000 rows go straight into one string, with no tree of
// objects built first.
std::string gradebook_json(const services::Gradebook& gradebook) {
  JsonWriter json;
  json.begin_object().field("programme", gradebook.programme_code);
  json.key("policy");
  write(json, gradebook.policy);
  json.key("assessments").begin_array();
  for (const auto& assessment : gradebook.assessments) {
    json.begin_object().field("id", assessment.id).field("code", assessment.code).field("kind", to_string(assessment.rules.kind)).key("module");
    write_value(json, assessment.rules.module ? std::optional<std::int64_t>(static_cast<std::int64_t>(*assessment.rules.module + 1)) : std::nullopt);
    json.field("max_score", assessment.rules.max_score).field("weight", assessment.rules.weight).end_object();
  }
  json.end_array().key("sessions").begin_array();
  for (std::size_t s = 0; s < gradebook.session_ids.size(); ++s)
    json.begin_object().field("id", gradebook.session_ids[s]).field("module", static_cast<std::int64_t>(gradebook.session_modules[s] + 1)).end_object();
  json.end_array();
  std::int64_t meeting = 0;
  for (const auto& row : gradebook.rows) meeting += row.meets_requirements;
  json.field("enrollments", static_cast<std::int64_t>(gradebook.rows.size())).field("meeting_requirements", meeting);
  json.key("rows").begin_array();
  for (const auto& row : gradebook.rows) {
    const auto& p = row.progress;
    json.begin_object()
        .field("enrollment_id", row.enrollment.enrollment_id)
        .field("given_names", row.enrollment.given_names)
        .field("family_names", row.enrollment.family_names)
        .field("status", to_string(row.enrollment.status))
        .field("team", row.enrollment.team_name)
        .field("institution", row.enrollment.institution);
    json.key("module_grades");
    write_value(json, p.module_grades);
    json.key("final_grade");
    write_value(json, p.final_grade);
    json.key("attendance");
    write_value(json, p.attendance);
    json.key("module_attendance");
    write_value(json, p.module_attendance);
    json.field("modules_passed", p.modules_passed).field("project_submitted", row.project_submitted).field("meets_requirements", row.meets_requirements);
    json.key("shortfalls").begin_array();
    for (const auto& gap : row.gaps) {
      json.begin_object().field("kind", to_string(gap.kind));
      if (gap.module) json.field("module", static_cast<std::int64_t>(*gap.module + 1));
      if (gap.value) json.field("value", *gap.value);
      if (gap.required) json.field("required", *gap.required);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
  return json.take();
}

std::string knowledge_gain_json(const services::KnowledgeGainReport& report) {
  const auto& gain = report.aggregate;
  JsonWriter json;
  json.begin_object()
      .field("programme", report.programme_code)
      .field("n", static_cast<std::int64_t>(gain.pairs))
      .field("mean_pre", gain.mean_pre)
      .field("mean_post", gain.mean_post)
      .field("mean_gain", gain.mean_gain)
      .key("mean_normalised_gain");
  write_value(json, gain.mean_normalised_gain);
  json.field("share_improved", gain.share_improved).field("share_post_at_pass_mark", gain.share_post_pass).field("pass_mark", report.pass_mark);
  json.key("wilcoxon_signed_rank")
      .begin_object()
      .field("n", static_cast<std::int64_t>(gain.wilcoxon.n))
      .field("w_plus", gain.wilcoxon.w_plus)
      .field("z", gain.wilcoxon.z)
      .field("p_value", gain.wilcoxon.p_value)
      .field("exact", gain.wilcoxon.exact)
      .end_object();
  json.key("participants").begin_array();
  for (const auto& row : report.participants) {
    json.begin_object()
        .field("enrollment_id", row.enrollment.enrollment_id)
        .field("given_names", row.enrollment.given_names)
        .field("family_names", row.enrollment.family_names)
        .field("pre", row.gain.pre)
        .field("post", row.gain.post)
        .field("gain", row.gain.gain)
        .key("normalised_gain");
    write_value(json, row.gain.normalised_gain);
    json.end_object();
  }
  json.end_array().end_object();
  return json.take();
}

void write(JsonWriter& json, const GradingPolicy& policy) {
  json.begin_object()
      .field("module_pass_mark", policy.module_pass_mark)
      .field("missing_grade", to_string(policy.missing_grade))
      .field("rounding_decimals", policy.rounding_decimals)
      .field("attendance_threshold", policy.attendance_threshold)
      .field("excused_absence", to_string(policy.excused))
      .key("module_attendance_threshold");
  write_value(json, policy.module_attendance_threshold);
  json.key("minimum_final_grade");
  write_value(json, policy.minimum_final_grade);
  json.field("require_all_modules", policy.require_all_modules).field("require_project", policy.require_project).end_object();
}

}  // namespace diplomado::documents
