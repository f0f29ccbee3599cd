#include "services/report_indicators.hpp"

#include <map>
#include <unordered_map>

#include "domain/messages.hpp"
#include "services/close_programme.hpp"
#include "services/get_gradebook.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

LocalizedText both(std::string_view key) { return {translate(key, Language::es), translate(key, Language::en)}; }

Category not_stated() { return {"", both("report.not_stated")}; }

// Sex and level take a handful of values: each label is looked up once, not once per enrolment.
Category value_category(std::string_view value, std::map<std::string, Category, std::less<>>& seen) {
  if (auto found = seen.find(value); found != seen.end()) return found->second;
  Category category = value.empty() ? not_stated() : Category{std::string(value), both(std::string("export.value.") + std::string(value))};
  seen.emplace(std::string(value), category);
  return category;
}

Category institution_category(const InstitutionRef& institution) {
  if (institution.id == 0) return not_stated();
  auto label = institution.name;
  if (!institution.acronym.empty()) {
    label.es += " (" + institution.acronym + ")";
    label.en += " (" + institution.acronym + ")";
  }
  return {std::to_string(institution.id), label};
}

Category subdivision_category(const SubdivisionRef& subdivision) {
  if (subdivision.code.empty()) return not_stated();
  return {subdivision.code, {subdivision.name, subdivision.name}};
}

}  // namespace

Result<IndicatorReport> read_indicators(storage::UnitOfWork& unit, Id programme_id) {
  auto programme = unit.programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  auto gradebook = read_progress(unit, programme_id);
  if (!gradebook) return std::unexpected(gradebook.error());

  IndicatorReport report;
  report.programme_code = programme->code;
  report.title = programme->title;
  report.status = programme->status;
  report.start_date = programme->start_date;
  report.end_date = programme->end_date;
  report.sdgs = programme->sdgs;
  report.organisations = programme->organisations;
  report.modules = gradebook->modules;
  report.attendance_threshold = gradebook->policy.attendance_threshold;

  std::unordered_map<Id, std::size_t> progress;
  progress.reserve(gradebook->enrollment_ids.size());
  for (std::size_t i = 0; i < gradebook->enrollment_ids.size(); ++i) progress.emplace(gradebook->enrollment_ids[i], i);

  IndicatorInput input;
  input.modules = gradebook->modules;
  input.attendance_threshold = gradebook->policy.attendance_threshold;
  input.pass_mark = gradebook->policy.module_pass_mark;
  std::map<std::string, Category, std::less<>> labels;
  const auto records = unit.programmes().participant_records(programme_id, {});
  input.enrollments.reserve(records.size());
  for (const auto& record : records) {
    const auto& row = record.row;
    IndicatorEnrollment enrollment{value_category(row.sex, labels), value_category(row.level, labels), institution_category(row.institution),
                                   subdivision_category(row.subdivision), row.status, {}, {}, {}, {}};
    if (auto found = progress.find(row.enrollment_id); found != progress.end()) {
      auto& p = gradebook->progress[found->second];
      enrollment.attendance = p.attendance;
      enrollment.module_attendance = std::move(p.module_attendance);
      enrollment.pretest = p.pretest;
      enrollment.posttest = p.posttest;
    }
    input.enrollments.push_back(std::move(enrollment));
  }
  for (const auto& project : unit.projects().projects(programme_id))
    input.projects.push_back({project.content.title, project.team_name, subdivision_category({project.region_code, project.region_name}),
                              project.content.gcm_objectives});
  input.likert = likert_results(unit, programme_id);
  input.survey_respondents = unit.closing().respondents(programme_id);
  report.indicators = compute_indicators(input);
  return report;
}

Result<IndicatorReport> get_indicators(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, ReportAudience requested,
                                       std::int64_t threshold) {
  if (auto refused = refuse(actor, programme_id, Permission::view_reports)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto report = read_indicators(*unit, programme_id);
  if (!report) return report;
  // The donor reads aggregates only, always suppressed; those who run the programme choose.
  const bool shared = requested == ReportAudience::shared || (actor && !actor->has_role(Role::coordinator, programme_id));
  if (shared) {
    report->audience = ReportAudience::shared;
    protect_for_sharing(report->indicators, threshold);
  }
  return report;
}

}  // namespace diplomado::services
