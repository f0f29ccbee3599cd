#include "services/decide_graduation.hpp"

#include <map>

#include "json/json_writer.hpp"
#include "domain/text_key.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {


// The class's eligibility inside one unit of work, so a graduation decides on what it reads.
Result<EligibilityReport> read_eligibility(storage::UnitOfWork& unit, Id programme_id, const WhatIf& what_if) {
  auto book = read_gradebook(unit, programme_id);
  if (!book) return std::unexpected(book.error());
  EligibilityReport report{book->programme_code, book->policy, std::nullopt, book->modules, {}, {}};
  std::vector<bool> meets_what_if;
  if (!what_if.empty()) {
    auto changed = read_gradebook(unit, programme_id, what_if);
    if (!changed) return std::unexpected(changed.error());
    report.what_if = changed->policy;
    for (const auto& row : changed->rows) meets_what_if.push_back(row.meets_requirements);
  }
  std::map<Id, GraduationOverrideRecord> decisions;
  for (auto& decision : unit.graduation().overrides(programme_id)) decisions.emplace(decision.enrollment_id, std::move(decision));
  auto& counts = report.counts;
  report.rows.reserve(book->rows.size());
  for (std::size_t i = 0; i < book->rows.size(); ++i) {
    EligibilityRow row{std::move(book->rows[i]), std::nullopt, GraduationOutcome::not_eligible, std::nullopt};
    if (auto found = decisions.find(row.row.enrollment.enrollment_id); found != decisions.end()) row.decision = found->second;
    const auto status = row.row.enrollment.status;
    row.outcome = graduation_outcome(status, row.row.meets_requirements, row.decision ? std::optional(row.decision->decision) : std::nullopt);
    ++counts.enrollments;
    counts.eligible += row.row.meets_requirements;
    switch (row.outcome) {
      case GraduationOutcome::graduate: ++counts.to_graduate; break;
      case GraduationOutcome::graduated: ++counts.graduated; break;
      case GraduationOutcome::withheld: ++counts.withheld; break;
      case GraduationOutcome::not_eligible: ++counts.not_eligible; break;
      case GraduationOutcome::withdrawn: ++counts.withdrawn; break;
    }
    if (!meets_what_if.empty()) {
      row.what_if_meets = meets_what_if[i];
      // Who changes status: only enrolments still to be decided count.
      if (status != EnrollmentStatus::withdrawn && status != EnrollmentStatus::graduated) {
        counts.would_become_eligible += !row.row.meets_requirements && meets_what_if[i];
        counts.would_lose_eligibility += row.row.meets_requirements && !meets_what_if[i];
      }
    }
    report.rows.push_back(std::move(row));
  }
  return report;
}

}  // namespace

Result<EligibilityReport> get_eligibility(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, const WhatIf& what_if,
                                          std::optional<Id> enrollment) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto report = read_eligibility(*unit, programme_id, what_if);
  if (!report) return report;
  if (enrollment) {
    std::erase_if(report->rows, [&](const EligibilityRow& row) { return row.row.enrollment.enrollment_id != *enrollment; });
    if (report->rows.empty()) return std::unexpected(make_error(ErrorCode::not_found, "error.enrollment.not_found"));
  }
  return report;
}

Result<GraduationOverrideRecord> set_graduation_override(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id,
                                                         GraduationOverride decision, std::string_view justification, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->programmes().participant(programme_id, enrollment_id);
  if (!current) return std::unexpected(make_error(ErrorCode::not_found, "error.enrollment.not_found"));
  if (auto allowed = check_override(current->row.status, decision, justification); !allowed) return std::unexpected(allowed.error());
  GraduationOverrideRecord record{enrollment_id, decision, std::string(trim(justification)), actor.user_id, format_iso8601(now)};
  unit->graduation().save_override(record);
  // The justification is the decision's own record: it goes into the audit trail with it.
  unit->audit().append({actor.user_id, "graduation.override", "enrollment", enrollment_id,
                        json_object("decision", to_string(decision), "justification", record.justification)},
                       record.decided_at);
  unit->commit();
  return record;
}

Result<void> clear_graduation_override(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->programmes().participant(programme_id, enrollment_id);
  if (!current) return std::unexpected(make_error(ErrorCode::not_found, "error.enrollment.not_found"));
  if (current->row.status == EnrollmentStatus::graduated) return std::unexpected(make_error(ErrorCode::conflict, "error.graduation.already_graduated"));
  if (!unit->graduation().delete_override(enrollment_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.graduation.no_override"));
  unit->audit().append({actor.user_id, "graduation.override_cleared", "enrollment", enrollment_id, "{}"}, format_iso8601(now));
  unit->commit();
  return {};
}

Result<GraduationResult> graduate_class(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, DryRun dry_run, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(dry_run == DryRun::yes ? storage::TransactionMode::read_only : storage::TransactionMode::read_write);
  auto report = read_eligibility(*unit, programme_id, {});
  if (!report) return std::unexpected(report.error());
  GraduationResult result{dry_run, {}, report->counts};
  std::vector<Id> ids;
  for (auto& row : report->rows)
    if (row.outcome == GraduationOutcome::graduate) {
      ids.push_back(row.row.enrollment.enrollment_id);
      result.graduates.push_back(std::move(row));
    }
  if (dry_run == DryRun::yes) return result;
  const auto at = format_iso8601(now);
  const auto moved = unit->graduation().graduate(programme_id, ids);
  // Every graduation is its own audit event (who, from which status, by override or not).
  for (const auto& row : result.graduates)
    unit->audit().append({actor_id(actor), "enrollment.graduate", "enrollment", row.row.enrollment.enrollment_id,
                          json_object("from", to_string(row.row.enrollment.status), "override", row.decision.has_value())},
                         at);
  unit->audit().append({actor_id(actor), "graduation.decide", "programme", programme_id, json_object("graduated", moved)}, at);
  unit->commit();
  return result;
}

}  // namespace diplomado::services
