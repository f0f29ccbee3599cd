#include "services/import_grades.hpp"
#include "json/json_writer.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "domain/text_key.hpp"
#include "domain/validation.hpp"
#include "services/get_programme.hpp"
#include "services/module_access.hpp"

namespace diplomado::services {
namespace {

enum class GradeColumn { email, assessment, score };

std::optional<GradeColumn> recognise(std::string_view header) {
  const auto key = matching_key(header);
  for (std::string_view word : {"correo", "correo electronico", "email", "e mail", "participante", "participant"})
    if (key == word) return GradeColumn::email;
  for (std::string_view word : {"evaluacion", "codigo", "assessment", "assessment code", "code", "codigo de evaluacion"})
    if (key == word) return GradeColumn::assessment;
  for (std::string_view word : {"nota", "puntaje", "calificacion", "score", "grade", "points"})
    if (key == word) return GradeColumn::score;
  return std::nullopt;
}

constexpr const char* column_field(GradeColumn column) {
  switch (column) {
    case GradeColumn::email: return "email";
    case GradeColumn::assessment: return "assessment";
    case GradeColumn::score: return "score";
  }
  return "";
}

struct PlannedGrade {
  Id enrollment_id = 0;
  Id assessment_id = 0;
  std::string assessment_code;
  double score = 0;
  std::optional<storage::TeachingRepository::GradeRow> existing;
};

}  // namespace

Result<GradeImportSummary> import_grades(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, ImportMode mode,
                                         const TableReader& read_table, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(mode == ImportMode::commit ? storage::TransactionMode::read_write : storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());

  std::map<std::string, std::pair<Id, EnrollmentStatus>> enrollments;  // e-mail -> enrolment, status
  for (const auto& record : unit->programmes().participant_records(programme_id, {}))
    if (!record.email.empty()) enrollments[normalise_email(record.email)] = {record.row.enrollment_id, record.row.status};
  const auto gradebook = unit->teaching().load_gradebook(programme_id);
  std::map<std::string, std::pair<Id, double>> assessments;  // code (folded) -> id, max
  std::set<Id> not_taught;  // assessments of modules an instructor does not teach
  for (std::size_t a = 0; a < gradebook.assessment_ids.size(); ++a) {
    assessments[matching_key(gradebook.assessment_codes[a])] = {gradebook.assessment_ids[a], gradebook.input.assessments[a].max_score};
    const auto module = gradebook.input.assessments[a].module;
    if (refuse_module(*unit, actor, programme_id, module ? std::optional<Id>(gradebook.module_ids[*module]) : std::nullopt))
      not_taught.insert(gradebook.assessment_ids[a]);
  }

  GradeImportSummary summary;
  std::vector<std::string> headers;
  std::map<GradeColumn, std::size_t> columns;
  std::vector<PlannedGrade> planned;
  std::set<std::pair<Id, Id>> seen;
  auto issue = [&](long row, GradeColumn column, const char* code, const char* key, std::string value) {
    const auto found = columns.find(column);
    summary.errors.push_back({row, column_field(column), found != columns.end() ? headers[found->second] : "", code, key, std::move(value)});
  };
  bool usable = false;
  auto visit = [&](long row, std::vector<std::string>& cells) {
    if (headers.empty()) {
      headers = cells;
      for (std::size_t c = 0; c < headers.size(); ++c)
        if (auto column = recognise(headers[c]); column && !columns.contains(*column)) columns[*column] = c;
      for (auto column : {GradeColumn::email, GradeColumn::assessment, GradeColumn::score})
        if (!columns.contains(column)) issue(row, column, "unmapped", "error.import.unmapped_field", {});
      usable = summary.errors.empty();
      return true;
    }
    ++summary.rows;
    if (!usable) return true;
    if (cells.size() != headers.size()) {
      summary.errors.push_back({row, "", "", "cell_count", "error.import.cell_count", std::to_string(cells.size()) + "/" + std::to_string(headers.size())});
      return true;
    }
    const auto& email_text = cells[columns[GradeColumn::email]];
    const auto& code_text = cells[columns[GradeColumn::assessment]];
    const auto& score_text = cells[columns[GradeColumn::score]];
    const auto errors_before = summary.errors.size();
    const auto enrollment = enrollments.find(normalise_email(email_text));
    if (enrollment == enrollments.end()) issue(row, GradeColumn::email, "not_enrolled", "error.grading.not_enrolled", email_text);
    else if (enrollment->second.second == EnrollmentStatus::withdrawn) issue(row, GradeColumn::email, "withdrawn", "error.grading.withdrawn", email_text);
    const auto assessment = assessments.find(matching_key(code_text));
    if (assessment == assessments.end()) issue(row, GradeColumn::assessment, "unknown_assessment", "error.seed.unknown_assessment", code_text);
    else if (not_taught.contains(assessment->second.first))
      issue(row, GradeColumn::assessment, "not_your_module", "error.teaching.not_your_module", code_text);
    const auto score = parse_score(score_text);
    if (!score) issue(row, GradeColumn::score, "not_a_number", "error.grading.not_a_number", score_text);
    else if (assessment != assessments.end())
      if (auto bad = check_score(*score, assessment->second.second)) issue(row, GradeColumn::score, bad->code.c_str(), bad->message_key.c_str(), score_text);
    if (summary.errors.size() != errors_before) return true;
    if (!seen.insert({enrollment->second.first, assessment->second.first}).second) {
      issue(row, GradeColumn::assessment, "duplicate_in_file", "error.grading.duplicate_in_file", email_text + " " + code_text);
      return true;
    }
    planned.push_back({enrollment->second.first, assessment->second.first, code_text, *score, std::nullopt});
    return true;
  };
  auto shape = read_table(visit);
  if (!shape) return std::unexpected(shape.error());
  summary.table = *shape;
  if (headers.empty()) return std::unexpected(make_error(ErrorCode::invalid_input, "error.import.empty_file"));
  if (summary.rows == 0) return std::unexpected(make_error(ErrorCode::invalid_input, "error.import.only_header"));

  for (auto& grade : planned) {
    grade.existing = unit->teaching().find_grade(grade.enrollment_id, grade.assessment_id);
    if (!grade.existing) ++summary.created;
    else if (grade.existing->score != grade.score) ++summary.updated;
    else ++summary.unchanged;
  }
  if (mode == ImportMode::dry_run || !summary.errors.empty()) return summary;

  const auto at = format_iso8601(now);
  const Id author = actor ? actor->user_id : 0;
  for (const auto& grade : planned) {
    if (grade.existing && grade.existing->score == grade.score) continue;
    const std::optional<std::int64_t> version = grade.existing ? std::optional<std::int64_t>(grade.existing->version) : std::nullopt;
    unit->teaching().save_grade(grade.enrollment_id, grade.assessment_id, grade.score, version, at, author);
    unit->audit().append({actor ? std::optional<Id>(actor->user_id) : std::nullopt, "grade.record", "grade", grade.enrollment_id,
                          json_object("source", "import", "assessment", grade.assessment_code, "old",
                                      grade.existing ? std::optional<double>(grade.existing->score) : std::nullopt, "new", grade.score)},
                         at);
  }
  unit->commit();
  summary.committed = true;
  return summary;
}

}  // namespace diplomado::services
