#include "services/add_user.hpp"
#include "json/json_writer.hpp"

#include "domain/validation.hpp"
#include "services/crypto.hpp"
#include "services/password_rule.hpp"

namespace diplomado::services {

Result<AddedUser> add_user(storage::Store& store, const AddUserRequest& request, TimePoint now) {
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  const auto email = normalise_email(request.email);
  if (!is_valid_email(email)) error.details.push_back({"email", std::nullopt, "invalid_email", "error.field.email", request.email});
  if (request.display_name.find_first_not_of(" \t") == std::string::npos)
    error.details.push_back({"name", std::nullopt, "required", "error.field.required", ""});
  const auto role = parse_role(request.role);
  if (!role) error.details.push_back({"role", std::nullopt, "unknown_role", "error.field.role", request.role});
  if (auto weak = password_error(request.password, email, request.display_name)) error.details.push_back(*weak);
  if (!error.details.empty()) return std::unexpected(error);

  auto unit = store.begin(storage::TransactionMode::read_write);
  std::optional<Id> programme_id;
  if (!request.programme_code.empty()) {
    programme_id = unit->programmes().find_id_by_code(request.programme_code);
    if (!programme_id) return std::unexpected(field_error("programme", "unknown_programme", "error.programme.unknown_code", request.programme_code));
  }
  if (unit->users().find_by_email(email)) return std::unexpected(field_error("email", "duplicate", "error.field.email_taken", email));

  auto hash = hash_password(request.password);
  if (!hash) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  const auto user_id = unit->users().insert({email, request.display_name, *hash, format_iso8601(now)});
  unit->users().add_grant(user_id, RoleGrant{*role, programme_id});
  unit->audit().append({std::nullopt, "user.create", "app_user", user_id,
                        json_object("role", to_string(*role), "site_wide", !programme_id.has_value())},
                       format_iso8601(now));
  unit->commit();
  return AddedUser{user_id, email};
}

}  // namespace diplomado::services
