#include "services/get_gradebook.hpp"

#include "services/get_programme.hpp"
#include "services/module_access.hpp"
#include "domain/text_key.hpp"
#include "domain/validation.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace diplomado::services {
namespace {

// The gradebook's data, and which teams have submitted their final project: a programme with a
// rubric grades final projects, and then a submitted project is a condition for graduation.
struct LoadedGradebook : storage::GradebookData {
  std::string programme_code;
  ProjectGrading projects_graded = ProjectGrading::not_graded;
  std::set<Id> teams_with_project;
};

Result<LoadedGradebook> load(storage::UnitOfWork& unit, Id programme_id) {
  const auto programme = unit.programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  LoadedGradebook loaded{unit.teaching().load_gradebook(programme_id), programme->code, ProjectGrading::not_graded, {}};
  if (!unit.projects().rubric(programme_id).criteria.empty()) loaded.projects_graded = ProjectGrading::graded;
  for (const auto& project : unit.projects().projects(programme_id)) loaded.teams_with_project.insert(project.team_id);
  return loaded;
}

Result<LoadedGradebook> load(storage::Store& store, Id programme_id) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return load(*unit, programme_id);
}

std::vector<GradebookRow> compute_rows(LoadedGradebook& data) {
  std::vector<EnrollmentProgress> progress;
  compute_gradebook(data.input, progress);
  std::vector<GradebookRow> rows;
  rows.reserve(progress.size());
  for (std::size_t e = 0; e < progress.size(); ++e) {
    const auto state = data.enrollments[e].status == EnrollmentStatus::withdrawn ? EnrollmentState::withdrawn : EnrollmentState::active;
    const auto team = data.enrollments[e].team_id;
    const bool project = team && data.teams_with_project.contains(*team);
    auto gaps = requirement_gaps(data.input, progress[e], state, data.projects_graded, project);
    const bool meets = gaps.empty();
    rows.push_back({std::move(data.enrollments[e]), std::move(progress[e]), meets, project, std::move(gaps)});
  }
  return rows;
}

}  // namespace

Result<Gradebook> get_gradebook(storage::Store& store, const std::optional<Actor>& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  // The whole gradebook shows every module: an instructor assigned to some modules sees theirs
  // through the module grids instead.
  if (actor && !actor->has_role(Role::coordinator, programme_id)) {
    auto unit = store.begin(storage::TransactionMode::read_only);
    if (!unit->teaching().modules_of_instructor(programme_id, actor->user_id).empty())
      return std::unexpected(make_error(ErrorCode::forbidden, "error.teaching.not_your_module"));
  }
  auto unit = store.begin(storage::TransactionMode::read_only);
  return read_gradebook(*unit, programme_id);
}

Result<Gradebook> read_gradebook(storage::UnitOfWork& unit, Id programme_id, const WhatIf& what_if) {
  auto data = load(unit, programme_id);
  if (!data) return std::unexpected(data.error());
  data->input.policy = apply(data->input.policy, what_if);
  Gradebook gradebook{data->programme_code, data->input.policy, data->module_titles, {}, data->session_ids, data->input.session_modules, {}};
  for (std::size_t a = 0; a < data->assessment_ids.size(); ++a)
    gradebook.assessments.push_back({data->assessment_ids[a], data->assessment_codes[a], data->input.assessments[a]});
  gradebook.rows = compute_rows(*data);
  return gradebook;
}

Result<ProgrammeProgress> read_progress(storage::UnitOfWork& unit, Id programme_id) {
  const auto programme = unit.programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  auto data = unit.teaching().load_gradebook(programme_id);
  ProgrammeProgress result{data.input.policy, std::move(data.module_titles), {}, {}};
  result.enrollment_ids.reserve(data.enrollments.size());
  for (const auto& enrollment : data.enrollments) result.enrollment_ids.push_back(enrollment.enrollment_id);
  compute_gradebook(data.input, result.progress);
  return result;
}

Result<KnowledgeGainReport> get_knowledge_gain(storage::Store& store, const std::optional<Actor>& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto data = load(store, programme_id);
  if (!data) return std::unexpected(data.error());
  KnowledgeGainReport report;
  report.programme_code = data->programme_code;
  report.pass_mark = data->input.policy.module_pass_mark;
  const bool personal = !actor || can_record_teaching(*actor, programme_id);
  std::vector<std::pair<double, double>> pairs;
  for (auto& row : compute_rows(*data)) {
    if (row.enrollment.status == EnrollmentStatus::withdrawn || !row.progress.pretest || !row.progress.posttest) continue;
    pairs.emplace_back(*row.progress.pretest, *row.progress.posttest);
    if (personal) report.participants.push_back({std::move(row.enrollment), participant_gain(*row.progress.pretest, *row.progress.posttest)});
  }
  report.aggregate = knowledge_gain(pairs, report.pass_mark);
  return report;
}

Result<GradeGrid> get_grade_grid(storage::Store& store, const Actor& actor, Id programme_id, int module_position) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  auto data = unit->teaching().load_gradebook(programme_id);
  if (module_position < 1 || module_position > static_cast<int>(data.module_ids.size()))
    return std::unexpected(field_error("module", "unknown_module", "error.seed.unknown_module", std::to_string(module_position)));
  const auto m = static_cast<std::size_t>(module_position - 1);
  if (auto refused = refuse_module(*unit, actor, programme_id, data.module_ids[m])) return std::unexpected(*refused);
  GradeGrid grid{module_position, data.module_titles[m], {}, {}};
  std::vector<std::size_t> columns;
  for (std::size_t a = 0; a < data.assessment_ids.size(); ++a)
    if (data.input.assessments[a].module == m) {
      columns.push_back(a);
      grid.assessments.push_back({data.assessment_ids[a], data.assessment_codes[a], data.input.assessments[a]});
    }
  std::map<std::pair<Id, Id>, std::int64_t> versions;
  for (const auto& version : unit->teaching().grade_versions(programme_id, data.module_ids[m]))
    versions[{version.enrollment_id, version.assessment_id}] = version.version;
  const auto assessment_count = data.input.assessments.size();
  for (std::size_t e = 0; e < data.enrollments.size(); ++e) {
    const auto progress = compute_progress(data.input, e);
    GradeGridRow row{data.enrollments[e], {}, progress.module_grades[m], progress.module_passed[m]};
    for (auto a : columns) {
      const float score = data.input.scores[e * assessment_count + a];
      GradeCell cell;
      if (!std::isnan(score)) cell.score = score;
      if (auto found = versions.find({data.enrollments[e].enrollment_id, data.assessment_ids[a]}); found != versions.end()) cell.version = found->second;
      row.cells.push_back(cell);
    }
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

Result<std::vector<SessionRecord>> list_sessions(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->teaching().sessions(programme_id);
}

Result<SessionAttendance> get_session_attendance(storage::Store& store, const Actor& actor, Id programme_id, Id session_id) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  SessionAttendance result;
  const auto sessions = unit->teaching().sessions(programme_id);
  const auto found = std::ranges::find(sessions, session_id, &SessionRecord::id);
  if (found == sessions.end())
    return std::unexpected(field_error("session_id", "unknown_session", "error.attendance.session", std::to_string(session_id)));
  if (auto refused = refuse_module(*unit, actor, programme_id, found->module_id)) return std::unexpected(*refused);
  result.session = *found;
  auto data = unit->teaching().load_gradebook(programme_id);
  for (std::size_t m = 0; m < data.module_ids.size(); ++m)
    if (data.module_ids[m] == found->module_id) result.module = static_cast<int>(m + 1);
  std::map<Id, Attendance> marks;
  for (const auto& [enrollment, mark] : unit->teaching().attendance_of(session_id)) marks[enrollment] = mark;
  for (auto& enrollment : data.enrollments) {
    if (enrollment.status == EnrollmentStatus::withdrawn) continue;
    const auto mark = marks.contains(enrollment.enrollment_id) ? marks[enrollment.enrollment_id] : Attendance::unrecorded;
    result.marks.emplace_back(std::move(enrollment), mark);
  }
  return result;
}

namespace {

// The enrolment whose person has the actor's e-mail, if any.
std::optional<std::size_t> own_row(const std::vector<GradebookRow>& rows, const Actor& actor) {
  const auto email = normalise_email(actor.email);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!email.empty() && normalise_email(rows[i].enrollment.email) == email) return i;
  return std::nullopt;
}

}  // namespace

Result<MyProgress> get_my_progress(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto data = load(store, programme_id);
  if (!data) return std::unexpected(data.error());
  MyProgress progress{data->programme_code, data->input.policy, data->module_titles, {}};
  auto rows = compute_rows(*data);
  const auto mine = own_row(rows, actor);
  if (!mine) return std::unexpected(make_error(ErrorCode::not_found, "error.progress.not_enrolled"));
  progress.row = std::move(rows[*mine]);
  return progress;
}

Result<Gradebook> get_team_progress(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  if (!actor.has_role(Role::group_leader, programme_id)) return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  auto data = load(store, programme_id);
  if (!data) return std::unexpected(data.error());
  Gradebook team{data->programme_code, data->input.policy, data->module_titles, {}, {}, {}, {}};
  auto rows = compute_rows(*data);
  const auto mine = own_row(rows, actor);
  if (!mine || !rows[*mine].enrollment.team_id) return std::unexpected(make_error(ErrorCode::not_found, "error.progress.no_team"));
  const auto team_id = *rows[*mine].enrollment.team_id;
  for (auto& row : rows)
    if (row.enrollment.team_id == team_id) {
      row.enrollment.email.clear();  // the leader sees progress, not contact data
      team.rows.push_back(std::move(row));
    }
  return team;
}

}  // namespace diplomado::services

namespace diplomado::services {

std::optional<GradebookSort> parse_gradebook_sort(std::string_view text) {
  if (text == "name") return GradebookSort::name;
  if (text == "team") return GradebookSort::team;
  if (text == "institution") return GradebookSort::institution;
  if (text == "final_grade") return GradebookSort::final_grade;
  if (text == "attendance") return GradebookSort::attendance;
  return std::nullopt;
}

void select_rows(std::vector<GradebookRow>& rows, const GradebookSelection& selection) {
  std::erase_if(rows, [&](const GradebookRow& row) {
    return (selection.team && row.enrollment.team_name != *selection.team) ||
           (selection.institution && row.enrollment.institution != *selection.institution) ||
           (selection.status && row.enrollment.status != *selection.status) ||
           (selection.meets_requirements && row.meets_requirements != *selection.meets_requirements);
  });
  // Rows come from storage in name order; that order breaks every tie.
  const auto by_text = [&](auto key) {
    std::vector<std::string> keys;
    keys.reserve(rows.size());
    for (const auto& row : rows) keys.push_back(fold_for_matching(key(row)));
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      // An empty team or institution sorts last either way.
      if (keys[a].empty() != keys[b].empty()) return keys[b].empty();
      return selection.descending ? keys[b] < keys[a] : keys[a] < keys[b];
    });
    std::vector<GradebookRow> sorted;
    sorted.reserve(rows.size());
    for (auto i : order) sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
  };
  const auto by_number = [&](auto value) {
    std::stable_sort(rows.begin(), rows.end(), [&](const GradebookRow& a, const GradebookRow& b) {
      const std::optional<double> x = value(a), y = value(b);
      if (x.has_value() != y.has_value()) return x.has_value();
      if (!x) return false;
      return selection.descending ? *y < *x : *x < *y;
    });
  };
  switch (selection.sort) {
    case GradebookSort::name:
      if (selection.descending) std::reverse(rows.begin(), rows.end());
      break;
    case GradebookSort::team: by_text([](const GradebookRow& row) -> const std::string& { return row.enrollment.team_name; }); break;
    case GradebookSort::institution: by_text([](const GradebookRow& row) -> const std::string& { return row.enrollment.institution; }); break;
    case GradebookSort::final_grade: by_number([](const GradebookRow& row) { return row.progress.final_grade; }); break;
    case GradebookSort::attendance: by_number([](const GradebookRow& row) { return row.progress.attendance; }); break;
  }
}

}  // namespace diplomado::services
