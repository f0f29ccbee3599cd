#include "services/manage_assessments.hpp"

#include "domain/participant_import.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
Result<Id> create_assessment(storage::Store& store, const Actor& actor, Id programme_id, const AssessmentSeed& assessment, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto data = unit->teaching().load_gradebook(programme_id);
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  if (assessment.code.empty() || assessment.code.size() > 40) invalid.details.push_back({"code", std::nullopt, "required", "error.field.required", assessment.code});
  for (const auto& code : data.assessment_codes)
    if (matching_key(code) == matching_key(assessment.code)) invalid.details.push_back({"code", std::nullopt, "duplicate", "error.seed.duplicate", assessment.code});
  const auto kind = parse_assessment_kind(assessment.kind);
  if (!kind) invalid.details.push_back({"kind", std::nullopt, "unknown_kind", "error.seed.unknown_kind", assessment.kind});
  if (assessment.title.es.empty() || assessment.title.en.empty()) invalid.details.push_back({"title", std::nullopt, "required", "error.field.required", {}});
  if (!assessment.due_date.empty() && parse_date_cell(assessment.due_date) != assessment.due_date)
    invalid.details.push_back({"due_date", std::nullopt, "invalid_date", "error.import.invalid_date", assessment.due_date});
  const auto modules = data.module_ids.size();
  if (assessment.module && (*assessment.module < 1 || static_cast<std::size_t>(*assessment.module) > modules))
    invalid.details.push_back({"module", std::nullopt, "unknown_module", "error.seed.unknown_module", std::to_string(*assessment.module)});
  if (!invalid.details.empty()) return std::unexpected(invalid);

  // The programme's assessments with the new one must still hold the structure rules.
  auto planned = data.input.assessments;
  planned.push_back({assessment.module ? std::optional<std::size_t>(*assessment.module - 1) : std::nullopt, *kind, assessment.max_score, assessment.weight});
  for (auto& problem : check_structure(data.input.modules, planned)) invalid.details.push_back(std::move(problem));
  if (!invalid.details.empty()) return std::unexpected(invalid);

  std::optional<Id> module_id;
  if (assessment.module) module_id = data.module_ids[static_cast<std::size_t>(*assessment.module - 1)];
  const auto id = unit->teaching().insert_assessment(programme_id, module_id, assessment);
  unit->audit().append({actor.user_id, "assessment.create", "assessment", id, R"({"code":")" + assessment.code + R"("})"}, format_iso8601(now));
  unit->commit();
  return id;
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
                        R"({"module_pass_mark":)" + std::to_string(policy.module_pass_mark) + R"(,"missing_grade":")" +
                            std::string(to_string(policy.missing_grade)) + R"(","rounding_decimals":)" + std::to_string(policy.rounding_decimals) +
                            R"(,"attendance_threshold":)" + std::to_string(policy.attendance_threshold) + R"(,"excused_absence":")" +
                            std::string(to_string(policy.excused)) + R"("})"},
                       format_iso8601(now));
  unit->commit();
  return policy;
}

}  // namespace diplomado::services
