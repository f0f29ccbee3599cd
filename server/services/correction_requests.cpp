#include "services/correction_requests.hpp"

#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/get_programme.hpp"
#include "services/manage_enrollment.hpp"

namespace diplomado::services {
namespace {

std::optional<Error> bad_text(std::string_view field, std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return field_error(std::string(field), "required", "error.field.required");
  if (text.size() > correction_text_limit)
    return field_error(std::string(field), "too_long", "error.field.too_long", std::to_string(correction_text_limit));
  return std::nullopt;
}

}  // namespace

Result<CorrectionRequest> request_correction(storage::Store& store, const Actor& actor, Id programme_id, std::string_view request, TimePoint now) {
  if (!actor.has_role(Role::participant, programme_id) && !actor.has_role(Role::group_leader, programme_id))
    return std::unexpected(make_error(ErrorCode::forbidden, "error.correction.not_enrolled"));
  if (auto bad = bad_text("request", request)) return std::unexpected(*bad);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto record = enrollment_by_email(*unit, programme_id, actor.email);
  if (!record) return std::unexpected(make_error(ErrorCode::forbidden, "error.correction.not_enrolled"));
  const Id enrollment = record->row.enrollment_id;
  const auto at = format_iso8601(now);
  const Id id = unit->people().insert_correction_request(programme_id, enrollment, actor.user_id, request, at);
  unit->audit().append({actor.user_id, "person.correction_request", "enrollment", enrollment, json_object("request_id", id), programme_id}, at);
  std::optional<CorrectionRequest> made;
  for (auto& row : unit->people().correction_requests_of_user(actor.user_id))
    if (row.id == id) made = std::move(row);
  unit->commit();
  if (!made) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  return *made;
}

Result<std::vector<CorrectionRequest>> my_correction_requests(storage::Store& store, const Actor& actor) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->people().correction_requests_of_user(actor.user_id);
}

Result<std::vector<CorrectionRequest>> list_correction_requests(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->people().correction_requests(programme_id);
}

Result<CorrectionRequest> resolve_correction(storage::Store& store, const Actor& actor, Id programme_id, Id request_id, std::string_view resolution,
                                             TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto bad = bad_text("resolution", resolution)) return std::unexpected(*bad);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto at = format_iso8601(now);
  if (!unit->people().resolve_correction_request(programme_id, request_id, actor.user_id, resolution, at))
    return std::unexpected(make_error(ErrorCode::not_found, "error.correction.not_found"));
  std::optional<CorrectionRequest> resolved;
  for (auto& row : unit->people().correction_requests(programme_id))
    if (row.id == request_id) resolved = row;
  unit->audit().append({actor.user_id, "person.correction_resolve", "enrollment", resolved ? resolved->enrollment_id : 0,
                        json_object("request_id", request_id), programme_id},
                       at);
  unit->commit();
  return *resolved;
}

}  // namespace diplomado::services
