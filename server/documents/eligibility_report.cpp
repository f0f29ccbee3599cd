#include "documents/eligibility_report.hpp"

#include <fmt/format.h>

#include "documents/gradebook_report.hpp"
#include "documents/spreadsheet_cell.hpp"
#include "json/json_writer.hpp"

namespace diplomado::documents {
namespace {

void write_counts(JsonWriter& json, const services::EligibilityCounts& counts) {
  json.begin_object()
      .field("enrollments", counts.enrollments)
      .field("eligible", counts.eligible)
      .field("to_graduate", counts.to_graduate)
      .field("graduated", counts.graduated)
      .field("withheld", counts.withheld)
      .field("not_eligible", counts.not_eligible)
      .field("withdrawn", counts.withdrawn)
      .field("would_become_eligible", counts.would_become_eligible)
      .field("would_lose_eligibility", counts.would_lose_eligibility)
      .end_object();
}

void write_override(JsonWriter& json, const GraduationOverrideRecord& record) {
  json.begin_object()
      .field("decision", to_string(record.decision))
      .field("justification", record.justification)
      .field("decided_at", record.decided_at)
      .end_object();
}

void write_row(JsonWriter& json, const services::EligibilityRow& row) {
  const auto& enrollment = row.row.enrollment;
  json.begin_object()
      .field("enrollment_id", enrollment.enrollment_id)
      .field("given_names", enrollment.given_names)
      .field("family_names", enrollment.family_names)
      .field("institution", enrollment.institution)
      .field("team", enrollment.team_name)
      .field("status", to_string(enrollment.status))
      .key("final_grade");
  write_value(json, row.row.progress.final_grade);
  json.key("attendance");
  write_value(json, row.row.progress.attendance);
  json.field("meets_requirements", row.row.meets_requirements).field("outcome", to_string(row.outcome));
  json.key("shortfalls").begin_array();
  for (const auto& gap : row.row.gaps) {
    json.begin_object().field("kind", to_string(gap.kind));
    if (gap.module) json.field("module", static_cast<std::int64_t>(*gap.module + 1));
    if (gap.value) json.field("value", *gap.value);
    if (gap.required) json.field("required", *gap.required);
    json.end_object();
  }
  json.end_array().key("override");
  if (row.decision) write_override(json, *row.decision);
  else json.null();
  if (row.what_if_meets) json.field("what_if_meets", *row.what_if_meets);
  json.end_object();
}

}  // namespace

std::string eligibility_json(const services::EligibilityReport& report) {
  JsonWriter json;
  json.begin_object().field("programme", report.programme_code).key("policy");
  write(json, report.policy);
  json.key("what_if");
  if (report.what_if) write(json, *report.what_if);
  else json.null();
  json.key("counts");
  write_counts(json, report.counts);
  json.key("rows").begin_array();
  for (const auto& row : report.rows) write_row(json, row);
  json.end_array().end_object();
  return json.take();
}

std::string eligibility_csv(const services::EligibilityReport& report, Language language) {
  std::string out = "enrollment_id,given_names,family_names,institution,team,status,final_grade,attendance,meets_requirements,outcome,override,reasons";
  if (report.what_if) out += ",what_if_meets";
  out += '\n';
  const auto number = [](const std::optional<double>& value) { return value ? fmt::format("{}", *value) : std::string(); };
  for (const auto& row : report.rows) {
    const auto& enrollment = row.row.enrollment;
    std::string reasons;
    for (const auto& gap : row.row.gaps) reasons += (reasons.empty() ? "" : "; ") + shortfall_text(gap, language);
    out += std::to_string(enrollment.enrollment_id) + ',' + csv_cell(enrollment.given_names, ',') + ',' + csv_cell(enrollment.family_names, ',') + ',' +
           csv_cell(enrollment.institution, ',') + ',' + csv_cell(enrollment.team_name, ',') + ',' + std::string(to_string(enrollment.status)) + ',' +
           number(row.row.progress.final_grade) + ',' + number(row.row.progress.attendance) + ',' + (row.row.meets_requirements ? "true" : "false") +
           ',' + std::string(to_string(row.outcome)) + ',' + (row.decision ? std::string(to_string(row.decision->decision)) : std::string()) + ',' +
           csv_cell(reasons, ',');
    if (row.what_if_meets) out += *row.what_if_meets ? ",true" : ",false";
    out += '\n';
  }
  return out;
}

std::string graduation_json(const services::GraduationResult& result) {
  JsonWriter json;
  json.begin_object().field("dry_run", result.dry_run == services::DryRun::yes).key("counts");
  write_counts(json, result.counts);
  json.field("graduated", static_cast<std::int64_t>(result.graduates.size())).key("graduates").begin_array();
  for (const auto& row : result.graduates) write_row(json, row);
  json.end_array().end_object();
  return json.take();
}

std::string graduation_override_json(const GraduationOverrideRecord& record) {
  JsonWriter json;
  json.begin_object().field("enrollment_id", record.enrollment_id).key("override");
  write_override(json, record);
  json.end_object();
  return json.take();
}

}  // namespace diplomado::documents
