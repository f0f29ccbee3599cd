#pragma once
// The account lifecycle (issue 15): the site's users listed; disabled and enabled (which ends their
// sessions); roles granted and revoked; a password reset (a new one, shown once) or changed by
// its owner; sessions ended. The HTTP routes need the site coordinator (manage_site); the CLI
// acts as the operator on the machine ("system" in the audit). Every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/time.hpp"
#include "services/session_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct UserGrantView {
  Id id = 0;
  Role role = Role::participant;
  std::optional<Id> programme_id;
  std::string programme_code;
};

struct UserView {
  Id id = 0;
  std::string email;
  std::string display_name;
  bool disabled = false;
  bool has_password = false;
  std::vector<UserGrantView> grants;
};

// Who acts: a signed-in site coordinator, or nothing for the CLI's operator.
using Operator = std::optional<Actor>;

std::vector<UserView> list_users(storage::Store& store);
Result<UserView> find_user(storage::Store& store, Id user_id);
Result<Id> user_id_by_email(storage::Store& store, std::string_view email);

// Disabling ends every session of the user at once. Nobody disables themselves, nor the last
// enabled site coordinator.
Result<UserView> set_user_disabled(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, bool disabled, TimePoint now);

// A role in one programme (by its code) or site-wide (empty code). Granting one held is refused.
Result<UserView> grant_role(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, std::string_view role,
                            std::string_view programme_code, TimePoint now);
// Revoking the last enabled site coordinator's site-wide grant is refused.
Result<UserView> revoke_role(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id, Id grant_id, TimePoint now);

struct PasswordReset {
  std::string password;  // shown once to whoever reset it; never stored or logged
};
// Sets a password: the one given (the CLI's --password-stdin), checked against the rule, or a
// generated one. Ends every session of the user.
Result<PasswordReset> reset_password(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id,
                                     std::optional<std::string> chosen, TimePoint now);

// The owner changes their own password, giving the current one; their other sessions end.
Result<void> change_own_password(storage::Store& store, SessionCache& cache, const Actor& actor, std::string_view current_password,
                                 std::string_view new_password, std::string_view current_session_token, TimePoint now);

// Ends the user's sessions (all but the one named, if any); how many ended.
Result<std::int64_t> end_sessions(storage::Store& store, SessionCache& cache, const Operator& by, Id user_id,
                                  std::string_view keep_session_token, TimePoint now);

}  // namespace diplomado::services
