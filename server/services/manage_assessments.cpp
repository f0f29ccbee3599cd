#include "services/manage_assessments.hpp"
#include "json/json_writer.hpp"

#include "domain/participant_import.hpp"
#include "services/get_programme.hpp"

#include <algorithm>

namespace diplomado::services {
namespace {

// The rules an assessment must meet, on creation and on every edit (`replacing`: the one being
// edited, which does not count as a duplicate of itself). Each error names its field.
Error check_assessment(const storage::GradebookData& data, const AssessmentSeed& assessment, std::optional<Id> replacing) {
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  if (assessment.code.empty() || assessment.code.size() > 40) invalid.details.push_back({"code", std::nullopt, "required", "error.field.required", assessment.code});
  for (std::size_t a = 0; a < data.assessment_codes.size(); ++a)
    if (data.assessment_ids[a] != replacing && matching_key(data.assessment_codes[a]) == matching_key(assessment.code))
      invalid.details.push_back({"code", std::nullopt, "duplicate", "error.seed.duplicate", assessment.code});
  const auto kind = parse_assessment_kind(assessment.kind);
  if (!kind) invalid.details.push_back({"kind", std::nullopt, "unknown_kind", "error.seed.unknown_kind", assessment.kind});
  if (assessment.title.es.empty() || assessment.title.en.empty()) invalid.details.push_back({"title", std::nullopt, "required", "error.field.required", {}});
  if (!assessment.due_date.empty() && parse_date_cell(assessment.due_date) != assessment.due_date)
    invalid.details.push_back({"due_date", std::nullopt, "invalid_date", "error.import.invalid_date", assessment.due_date});
  const auto modules = data.module_ids.size();
  if (assessment.module && (*assessment.module < 1 || static_cast<std::size_t>(*assessment.module) > modules))
    invalid.details.push_back({"module", std::nullopt, "unknown_module", "error.seed.unknown_module", std::to_string(*assessment.module)});
  if (!invalid.details.empty()) return invalid;

  // The programme's assessments, with this one added or replaced, must still hold the structure rules.
  auto planned = data.input.assessments;
  const GradedAssessment graded{assessment.module ? std::optional<std::size_t>(*assessment.module - 1) : std::nullopt, *kind, assessment.max_score,
                                assessment.weight};
  const auto position = std::ranges::find(data.assessment_ids, replacing.value_or(0));
  if (replacing && position != data.assessment_ids.end()) planned[static_cast<std::size_t>(position - data.assessment_ids.begin())] = graded;
  else planned.push_back(graded);
  for (auto& problem : check_structure(data.input.modules, planned)) invalid.details.push_back(std::move(problem));
  return invalid;
}

std::optional<Id> module_id_of(const storage::GradebookData& data, const AssessmentSeed& assessment) {
  if (!assessment.module) return std::nullopt;
  return data.module_ids[static_cast<std::size_t>(*assessment.module - 1)];
}

}  // namespace

Result<Id> create_assessment(storage::Store& store, const Actor& actor, Id programme_id, const AssessmentSeed& assessment, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto data = unit->teaching().load_gradebook(programme_id);
  if (Error invalid = check_assessment(data, assessment, std::nullopt); !invalid.details.empty()) return std::unexpected(invalid);
  const auto id = unit->teaching().insert_assessment(programme_id, module_id_of(data, assessment), assessment);
  unit->audit().append({actor.user_id, "assessment.create", "assessment", id, json_object("code", assessment.code)}, format_iso8601(now));
  unit->commit();
  return id;
}

Result<std::vector<AssessmentDetail>> list_assessments(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->teaching().assessments(programme_id);
}

Result<AssessmentDetail> update_assessment(storage::Store& store, const Actor& actor, Id programme_id, Id assessment_id, const AssessmentSeed& assessment,
                                           std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->teaching().assessments(programme_id);
  const auto found = std::ranges::find(current, assessment_id, &AssessmentDetail::id);
  if (found == current.end()) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  auto data = unit->teaching().load_gradebook(programme_id);
  Error invalid = check_assessment(data, assessment, assessment_id);
  // Grades already given must still fit under the maximum.
  if (found->highest_grade && assessment.max_score < *found->highest_grade)
    invalid.details.push_back({"max_score", std::nullopt, "below_grades", "error.assessment.below_grades", std::to_string(*found->highest_grade)});
  if (!invalid.details.empty()) return std::unexpected(invalid);
  if (!unit->teaching().update_assessment(assessment_id, module_id_of(data, assessment), assessment, expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.assessment.stale"));
  unit->audit().append({actor.user_id, "assessment.update", "assessment", assessment_id, json_object("code", assessment.code)}, format_iso8601(now));
  auto updated = unit->teaching().assessments(programme_id);
  unit->commit();
  return *std::ranges::find(updated, assessment_id, &AssessmentDetail::id);
}

Result<void> delete_assessment(storage::Store& store, const Actor& actor, Id programme_id, Id assessment_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->teaching().assessments(programme_id);
  const auto found = std::ranges::find(current, assessment_id, &AssessmentDetail::id);
  if (found == current.end()) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  // Grades are records of work done: an assessment that has any is not removed.
  if (found->grades > 0) return std::unexpected(make_error(ErrorCode::conflict, "error.assessment.has_grades"));
  unit->teaching().delete_assessment(assessment_id);
  unit->audit().append({actor.user_id, "assessment.delete", "assessment", assessment_id, json_object("code", found->seed.code)}, format_iso8601(now));
  unit->commit();
  return {};
}

Result<GradingPolicy> update_grading_policy(storage::Store& store, const Actor& actor, Id programme_id, const GradingPolicy& policy, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_grading_policy(policy); !errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  unit->teaching().set_grading_policy(programme_id, policy);
  // The policy's values are not personal: they go into the audit trail as they are.
  unit->audit().append({actor.user_id, "grading_policy.update", "programme", programme_id,
                        json_object("module_pass_mark", policy.module_pass_mark, "missing_grade", to_string(policy.missing_grade), "rounding_decimals",
                                    policy.rounding_decimals, "attendance_threshold", policy.attendance_threshold, "excused_absence",
                                    to_string(policy.excused), "module_attendance_threshold", policy.module_attendance_threshold,
                                    "minimum_final_grade", policy.minimum_final_grade, "require_all_modules", policy.require_all_modules,
                                    "require_project", policy.require_project)},
                       format_iso8601(now));
  unit->commit();
  return policy;
}

}  // namespace diplomado::services
