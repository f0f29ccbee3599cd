#pragma once
// The account lifecycle from the machine (issue 15): diplomado user list | disable | enable |
// grant | revoke | reset-password. The operator is "system" in the audit. A running server sees
// a disabled user or a revoked grant at its next read of the session (at most 30 s later).
#include <optional>
#include <string>

#include "cli/commands.hpp"

namespace diplomado::cli {

struct UserCommand {
  std::string email;
  std::string role;
  std::string programme;  // a programme's code; empty: site-wide
  std::string format = "text";  // list: text | json
  std::optional<std::string> password;  // reset-password --password-stdin; otherwise generated
};

int run_user_list(services::Store& store, const UserCommand& command, Console& console);
int run_user_set_disabled(services::Store& store, const UserCommand& command, bool disabled, Console& console);
int run_user_grant(services::Store& store, const UserCommand& command, Console& console);
int run_user_revoke(services::Store& store, const UserCommand& command, Console& console);
// Prints the new password once when it was generated.
int run_user_reset_password(services::Store& store, const UserCommand& command, Console& console);

struct AuditCommand {
  std::string programme;
  std::string format = "json";  // json | csv
  std::string output;
  std::string since, until, actor, action, person;
};

// diplomado audit --programme CODE [--since DATE] [--until DATE] [--actor E] [--action A]
// [--person ENROLMENT] --format json|csv [-o FILE]: every event, newest first.
int run_audit(services::Store& store, const AuditCommand& command, Console& console);

// diplomado purge --older-than YEARS [--dry-run] (Ley 81): anonymises the people of programmes
// closed and ended before then (and enrolled in no other); prints how many.
int run_purge(services::Store& store, int years, bool dry_run, Console& console);

}  // namespace diplomado::cli
