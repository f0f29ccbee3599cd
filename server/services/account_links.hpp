#pragma once
// Invitations and password resets by e-mail (issue 15). A programme's coordinator invites its
// enrolled participants (all who have no working account yet, or the ones chosen); each gets a
// user (matched by e-mail, made without a password when there is none) with the participant role
// (and group leader where they lead a team) and a link to set their own password. Anyone may ask
// for a reset link by e-mail; the answer is the same whether an account exists or not. A link is
// single-use, expires (invitation 14 days, reset 1 hour) and only the newest of its kind works;
// the database keeps its digest, the outbox its text until sent. Setting a password through a
// link ends the user's sessions. Every step is audited.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/time.hpp"
#include "services/mailer.hpp"
#include "services/session_cache.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

inline constexpr auto invitation_lifetime = std::chrono::days(14);
inline constexpr auto reset_lifetime = std::chrono::hours(1);
// Reset requests: per client address and per e-mail, in an hour (more are refused with 429, or
// for an e-mail silently not sent, so an attacker cannot fill someone's mailbox).
inline constexpr int reset_requests_per_address = 10;
inline constexpr int reset_mails_per_account = 3;

// A participant's account as the invitations page shows it.
enum class AccountState { none, invited, expired, active, disabled };
std::string_view to_string(AccountState state);

struct InvitationRow {
  Id enrollment_id = 0;
  std::string name;
  bool has_email = false;
  bool withdrawn = false;
  AccountState account = AccountState::none;
  std::string invited_at;  // the newest invitation's time, or empty
  std::string expires_at;
};

struct InvitationSkip {
  Id enrollment_id = 0;
  std::string name;
  std::string reason;  // no_email | withdrawn | disabled | not_found
};

struct InvitationSummary {
  std::int64_t invited = 0;
  std::int64_t already_active = 0;  // left out of "all" (chosen ones are invited again)
  std::vector<InvitationSkip> skipped;
};

// Writes an invitation link for this user and its mail to the outbox, in the caller's unit (for
// use cases that give someone a role: a juror added by e-mail).
enum class InvitationKind { participant, juror };
struct Invitee {
  Id user_id = 0;
  std::string email;
  std::string display_name;
};
void send_invitation(storage::UnitOfWork& unit, const Invitee& invitee, Id programme_id, const LocalizedText& programme_title,
                     InvitationKind kind, const std::string& public_url, TimePoint now);

Result<std::vector<InvitationRow>> list_invitations(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now);

// `chosen`: enrolment ids; nothing: every enrolled participant whose account does not work yet.
Result<InvitationSummary> invite_participants(storage::Store& store, const Actor& actor, Id programme_id,
                                              const std::optional<std::vector<Id>>& chosen, const std::string& public_url, TimePoint now);

// The site coordinator (or the CLI's operator: nothing) mails a user a link to choose a new
// password, valid 3 days; their password and sessions stay until the link is used. Audited.
inline constexpr auto sent_link_lifetime = std::chrono::hours(72);
Result<void> send_password_link(storage::Store& store, const std::optional<Actor>& by, Id user_id, const std::string& public_url, TimePoint now);

// Always succeeds for a well-formed e-mail (nothing says whether an account has it), unless this
// address asked too often (429).
Result<void> request_password_reset(storage::Store& store, std::string_view email, std::string_view client_address,
                                    const std::string& public_url, TimePoint now);

struct AccountLinkView {
  std::string purpose;  // invitation | reset
  std::string email;
  std::string display_name;
  std::string expires_at;
};
// What a link is for, before its owner chooses a password. Unknown, used and expired links are
// each refused with their own message (404).
Result<AccountLinkView> inspect_account_link(storage::Store& store, std::string_view token, TimePoint now);
Result<void> redeem_account_link(storage::Store& store, SessionCache& cache, std::string_view token, std::string_view password, TimePoint now);

// Sends what is due in the outbox (each mail through one server even when several deliver):
// a failure is tried again later (1, 2, 4 … minutes; given up after 8 attempts).
struct DeliveryReport {
  int sent = 0;
  int failed = 0;
};
DeliveryReport deliver_mail(storage::Store& store, Mailer& mailer, TimePoint now);

}  // namespace diplomado::services
