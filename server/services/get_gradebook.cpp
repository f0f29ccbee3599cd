#include "services/get_gradebook.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

Result<storage::GradebookData> load(storage::Store& store, Id programme_id) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return unit->teaching().load_gradebook(programme_id);
}

std::vector<GradebookRow> compute_rows(storage::GradebookData& data) {
  std::vector<EnrollmentProgress> progress;
  compute_gradebook(data.input, progress);
  std::vector<GradebookRow> rows;
  rows.reserve(progress.size());
  for (std::size_t e = 0; e < progress.size(); ++e) {
    const bool active = data.enrollments[e].status != "withdrawn";
    const bool all_passed = progress[e].modules_passed == static_cast<int>(data.input.modules.size());
    const bool meets = active && all_passed && progress[e].meets_attendance;
    rows.push_back({std::move(data.enrollments[e]), std::move(progress[e]), meets});
  }
  return rows;
}

}  // namespace

Result<Gradebook> get_gradebook(storage::Store& store, const std::optional<Actor>& actor, Id programme_id) {
  if (actor && !can_view_programme(*actor, programme_id)) return std::unexpected(programme_not_found());
  if (actor && !can_record_teaching(*actor, programme_id))
    return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  auto data = load(store, programme_id);
  if (!data) return std::unexpected(data.error());
  Gradebook gradebook{data->input.policy, data->module_titles, {}, data->session_ids, data->input.session_modules, {}};
  for (std::size_t a = 0; a < data->assessment_ids.size(); ++a)
    gradebook.assessments.push_back({data->assessment_ids[a], data->assessment_codes[a], data->input.assessments[a]});
  gradebook.rows = compute_rows(*data);
  return gradebook;
}

Result<KnowledgeGainReport> get_knowledge_gain(storage::Store& store, const std::optional<Actor>& actor, Id programme_id) {
  if (actor && !can_view_programme(*actor, programme_id)) return std::unexpected(programme_not_found());
  auto data = load(store, programme_id);
  if (!data) return std::unexpected(data.error());
  KnowledgeGainReport report;
  report.pass_mark = data->input.policy.module_pass_mark;
  const bool personal = !actor || can_record_teaching(*actor, programme_id);
  std::vector<std::pair<double, double>> pairs;
  for (auto& row : compute_rows(*data)) {
    if (row.enrollment.status == "withdrawn" || !row.progress.pretest || !row.progress.posttest) continue;
    pairs.emplace_back(*row.progress.pretest, *row.progress.posttest);
    if (personal) report.participants.push_back({std::move(row.enrollment), participant_gain(*row.progress.pretest, *row.progress.posttest)});
  }
  report.aggregate = knowledge_gain(pairs, report.pass_mark);
  return report;
}

}  // namespace diplomado::services
