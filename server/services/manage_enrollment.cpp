#include "services/manage_enrollment.hpp"

#include <set>

#include "json/json_writer.hpp"

#include "domain/enrollment.hpp"
#include "domain/validation.hpp"
#include "services/get_programme.hpp"
#include "services/import_participants.hpp"

namespace diplomado::services {
namespace {

Error enrollment_not_found() { return make_error(ErrorCode::not_found, "error.enrollment.not_found"); }

}  // namespace

Result<ParticipantRecord> get_participant(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::view_participants)) return std::unexpected(*refused);
  const bool sees_contact = can_manage_programme(actor, programme_id);
  auto unit = store.begin(sees_contact ? storage::TransactionMode::read_write : storage::TransactionMode::read_only);
  auto record = unit->programmes().participant(programme_id, enrollment_id);
  if (!record) return std::unexpected(enrollment_not_found());
  if (sees_contact) {
    // Contact data was shown: who read whose, and when (no datum itself).
    unit->audit().append({actor.user_id, "person.view", "enrollment", enrollment_id, json_object("contact_data", true), programme_id},
                         format_iso8601(now));
    unit->commit();
  } else {
    record->email.clear();
    record->phone.clear();
    record->gender_identity.clear();
    record->consent_date.clear();
    record->consent_notice_version.clear();
    record->consent_purposes.clear();
  }
  return std::move(*record);
}

std::optional<ParticipantRecord> enrollment_by_email(storage::UnitOfWork& unit, Id programme_id, std::string_view email) {
  const auto wanted = normalise_email(email);
  if (wanted.empty()) return std::nullopt;
  ParticipantFilter by_email;
  by_email.search = wanted;
  for (auto& record : unit.programmes().participant_records(programme_id, by_email))
    if (normalise_email(record.email) == wanted) return std::move(record);
  return std::nullopt;
}

Result<std::vector<MyEnrollment>> my_enrollments(storage::Store& store, const Actor& actor, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  std::vector<MyEnrollment> found;
  std::set<Id> seen;
  for (const auto& grant : actor.grants) {
    if (!grant.programme_id || !seen.insert(*grant.programme_id).second) continue;
    if (grant.role != Role::participant && grant.role != Role::group_leader) continue;
    const auto programme = unit->programmes().find(*grant.programme_id);
    if (!programme) continue;
    if (auto record = enrollment_by_email(*unit, *grant.programme_id, actor.email))
      found.push_back({*grant.programme_id, programme->code, std::move(*record)});
  }
  unit->audit().append({actor.user_id, "person.data_export", "app_user", actor.user_id, json_object("enrollments", static_cast<std::int64_t>(found.size()))},
                       format_iso8601(now));
  unit->commit();
  return found;
}

Result<ParticipantRecord> enrol_participant(storage::Store& store, const Actor& actor, Id programme_id,
                                            const std::map<std::string, std::string>& fields, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  std::vector<std::string> headers, cells;
  for (const auto& [name, value] : fields) {
    if (!parse_import_field(name)) invalid.details.push_back({name, std::nullopt, "unknown_field", "error.import.unknown_field", name});
    headers.push_back(name);
    cells.push_back(value);
  }
  if (!invalid.details.empty()) return std::unexpected(invalid);

  ImportRequest request{programme_id, suggest_mapping(headers), ImportMode::commit, "form", std::nullopt};
  const TableReader one_row = [&](const RowVisitor& visit) -> Result<TableShape> {
    auto header_row = headers;
    auto data_row = cells;
    if (visit(1, header_row)) visit(2, data_row);
    return TableShape{"form", "utf-8", ""};
  };
  auto summary = import_participants(store, actor, request, one_row, now);
  if (!summary) return std::unexpected(summary.error());
  for (const auto& issue : summary->errors) invalid.details.push_back({issue.field, std::nullopt, issue.code, issue.message_key, issue.value});
  if (!invalid.details.empty()) return std::unexpected(invalid);
  if (summary->enrolled == 0) {
    Error exists = make_error(ErrorCode::conflict, "error.enrollment.exists");
    exists.details.push_back({"email", std::nullopt, "already_enrolled", "error.enrollment.exists", summary->preview.at(0).email});
    return std::unexpected(exists);
  }

  auto unit = store.begin(storage::TransactionMode::read_only);
  ParticipantFilter by_email;
  by_email.search = summary->preview.at(0).email;
  for (auto& record : unit->programmes().participant_records(programme_id, by_email))
    if (record.email == by_email.search) return std::move(record);
  return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
}

Result<ParticipantRecord> change_enrollment_status(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id,
                                                   const StatusChange& change, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  const auto to = parse_enrollment_status(change.status);
  if (!to) return std::unexpected(field_error("status", "unknown_status", "error.seed.unknown_status", change.status));
  if (change.reason.size() > 500) return std::unexpected(field_error("reason", "too_long", "error.field.too_long"));
  // Graduation is the class's decision (decide_graduation), where eligibility and overrides are
  // checked and justified: a status change by hand would skip both.
  if (*to == EnrollmentStatus::graduated)
    return std::unexpected(field_error("status", "graduate_by_decision", "error.enrollment.graduate_by_decision", change.status));

  auto unit = store.begin(storage::TransactionMode::read_write);
  auto current = unit->programmes().participant(programme_id, enrollment_id);
  if (!current) return std::unexpected(enrollment_not_found());
  if (change.expected_version && *change.expected_version != current->version)
    return std::unexpected(make_error(ErrorCode::conflict, "error.enrollment.stale"));
  const auto from = current->row.status;
  // The allowed moves are the domain's rule (enrolled -> withdrawn with a reason | completed;
  // completed -> graduated), not the handler's.
  if (auto allowed = check_status_change(from, *to, change.reason); !allowed) return std::unexpected(allowed.error());
  const std::string reason = *to == EnrollmentStatus::withdrawn ? change.reason : std::string();
  if (!unit->programmes().update_enrollment_status(enrollment_id, current->version, to_string(*to), reason))
    return std::unexpected(make_error(ErrorCode::conflict, "error.enrollment.stale"));
  // The audit keeps the reason too (issue 15); only the programme's coordinators read it there,
  // as they read it on the enrolment.
  unit->audit().append({actor.user_id, "enrollment.status", "enrollment", enrollment_id,
                        json_object("before", JsonFragment{json_object("status", to_string(from))},
                                    "after", JsonFragment{json_object("status", to_string(*to), "reason", reason)})},
                       format_iso8601(now));
  auto updated = unit->programmes().participant(programme_id, enrollment_id);
  unit->commit();
  return std::move(*updated);
}

}  // namespace diplomado::services
