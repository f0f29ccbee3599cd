#include "services/manage_users.hpp"

#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/crypto.hpp"
#include "services/password_rule.hpp"

namespace diplomado::services {
namespace {

UserView view_of(const storage::UserListing& user) {
  UserView view{user.id, user.email, user.display_name, user.disabled, user.has_password, {}};
  for (const auto& grant : user.grants) view.grants.push_back({grant.id, grant.grant.role, grant.grant.programme_id, grant.programme_code});
  return view;
}

Result<UserView> reread(storage::UnitOfWork& unit, Id user_id) {
  for (const auto& user : unit.users().list())
    if (user.id == user_id) return view_of(user);
  return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
}

std::optional<Id> actor_id(const Operator& by) { return by ? std::optional<Id>(by->user_id) : std::nullopt; }

void audit(storage::UnitOfWork& unit, const Operator& by, std::string action, Id user_id, std::string details, TimePoint now) {
  unit.audit().append({actor_id(by), std::move(action), "app_user", user_id, std::move(details)}, format_iso8601(now));
}

bool is_site_coordinator_grant(const RoleGrant& grant) { return grant.role == Role::coordinator && !grant.programme_id; }

}  // namespace

std::vector<UserView> list_users(storage::Store& store) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  std::vector<UserView> users;
  for (const auto& user : unit->users().list()) users.push_back(view_of(user));
  return users;
}

Result<UserView> find_user(storage::Store& store, Id user_id) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return reread(*unit, user_id);
}

Result<Id> user_id_by_email(storage::Store& store, std::string_view email) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto user = unit->users().find_by_email(normalise_email(std::string(email)));
  if (!user) return std::unexpected(field_error("email", "unknown_user", "error.user.unknown_email", std::string(email)));
  return user->id;
}

Result<UserView> set_user_disabled(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, bool disabled, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto user = unit->users().find(user_id);
  if (!user) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  if (disabled && by && by->user_id == user_id) return std::unexpected(make_error(ErrorCode::conflict, "error.user.not_yourself"));
  if (user->disabled == disabled) return reread(*unit, user_id);
  unit->users().set_disabled(user_id, disabled);
  if (disabled && unit->users().active_site_coordinators() == 0)
    return std::unexpected(make_error(ErrorCode::conflict, "error.user.last_site_coordinator"));
  std::int64_t ended = 0;
  if (disabled) ended = unit->http_sessions().remove_all_of(user_id, "");
  audit(*unit, by, disabled ? "user.disable" : "user.enable", user_id,
        json_object("before", JsonFragment{json_object("disabled", user->disabled)}, "after", JsonFragment{json_object("disabled", disabled)}, "sessions_ended", ended), now);
  auto view = reread(*unit, user_id);
  unit->commit();
  cache.forget_user(user_id);
  return view;
}

Result<UserView> grant_role(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, std::string_view role_text,
                            std::string_view programme_code, TimePoint now) {
  const auto role = parse_role(role_text);
  if (!role) return std::unexpected(field_error("role", "unknown_role", "error.field.role", std::string(role_text)));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->users().find(user_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  std::optional<Id> programme_id;
  if (!programme_code.empty()) {
    programme_id = unit->programmes().find_id_by_code(std::string(programme_code));
    if (!programme_id) return std::unexpected(field_error("programme", "unknown_programme", "error.programme.unknown_code", std::string(programme_code)));
  }
  const RoleGrant grant{*role, programme_id};
  if (unit->users().has_grant(user_id, grant))
    return std::unexpected(field_error("role", "already_granted", "error.user.already_granted", std::string(role_text)));
  unit->users().add_grant(user_id, grant);
  audit(*unit, by, "user.grant", user_id,
        json_object("after", JsonFragment{json_object("role", to_string(*role), "programme", std::string(programme_code), "site_wide", !programme_id.has_value())}), now);
  auto view = reread(*unit, user_id);
  unit->commit();
  cache.forget_user(user_id);
  return view;
}

Result<UserView> revoke_role(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, Id grant_id, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->users().find(user_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  const auto removed = unit->users().remove_grant(user_id, grant_id);
  if (!removed) return std::unexpected(make_error(ErrorCode::not_found, "error.user.grant_not_found"));
  if (is_site_coordinator_grant(*removed) && unit->users().active_site_coordinators() == 0)
    return std::unexpected(make_error(ErrorCode::conflict, "error.user.last_site_coordinator"));
  audit(*unit, by, "user.revoke", user_id,
        json_object("before", JsonFragment{json_object("role", to_string(removed->role), "programme_id", removed->programme_id,
                                                       "site_wide", !removed->programme_id.has_value())}),
        now);
  auto view = reread(*unit, user_id);
  unit->commit();
  cache.forget_user(user_id);
  return view;
}

Result<PasswordReset> reset_password(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id,
                                     std::optional<std::string> chosen, TimePoint now) {
  std::optional<storage::UserRecord> user;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    user = unit->users().find(user_id);
  }
  if (!user) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  PasswordReset reset{chosen ? *chosen : generate_password()};
  if (auto weak = password_error(reset.password, user->email, user->display_name)) return std::unexpected(invalid_fields({*weak}));
  const auto hash = hash_password(reset.password);
  if (!hash) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  unit->users().set_password_hash(user_id, *hash);
  const auto ended = unit->http_sessions().remove_all_of(user_id, "");
  audit(*unit, by, "user.password_reset", user_id, json_object("sessions_ended", ended), now);
  unit->commit();
  cache.forget_user(user_id);
  return reset;
}

Result<void> change_own_password(storage::Store& store, SessionCache& cache, const Actor& actor, std::string_view current_password,
                                 std::string_view new_password, std::string_view current_session_token, TimePoint now) {
  std::optional<storage::UserRecord> user;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    user = unit->users().find(actor.user_id);
  }
  if (!user) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  if (!is_password_hash(user->password_hash) || !verify_password(user->password_hash, current_password))
    return std::unexpected(field_error("current_password", "wrong_password", "error.user.wrong_current_password"));
  if (current_password == new_password)
    return std::unexpected(field_error("new_password", "unchanged", "error.user.password_unchanged"));
  if (auto weak = password_error(new_password, user->email, user->display_name)) {
    weak->field = "new_password";
    return std::unexpected(invalid_fields({*weak}));
  }
  const auto hash = hash_password(new_password);
  if (!hash) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  unit->users().set_password_hash(actor.user_id, *hash);
  const auto ended = unit->http_sessions().remove_all_of(actor.user_id, token_digest(current_session_token));
  audit(*unit, actor, "user.password_change", actor.user_id, json_object("sessions_ended", ended), now);
  unit->commit();
  cache.forget_user(actor.user_id);
  return {};
}

Result<std::int64_t> end_sessions(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id,
                                  std::string_view keep_session_token, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->users().find(user_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  const auto ended = unit->http_sessions().remove_all_of(user_id, keep_session_token.empty() ? "" : token_digest(keep_session_token));
  audit(*unit, by, "user.sessions_end", user_id, json_object("sessions_ended", ended), now);
  unit->commit();
  cache.forget_user(user_id);
  return ended;
}

}  // namespace diplomado::services
