#pragma once
// Users and their role grants. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

struct UserRecord {
  Id id = 0;
  std::string email;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
};

// A user as the site's list shows them: no password hash, only whether one is set.
struct UserListing {
  Id id = 0;
  std::string email;
  std::string display_name;
  bool disabled = false;
  bool has_password = false;
  struct Grant {
    Id id = 0;
    RoleGrant grant;
    std::string programme_code;  // empty for a site-wide grant
  };
  std::vector<Grant> grants;
};

// A single-use link that sets a password (issue 15): an invitation or a reset. Only the digest
// of its token is kept. Times are ISO 8601 UTC; `used_at` is empty until it is used.
struct AccountLink {
  Id id = 0;
  Id user_id = 0;
  std::string purpose;  // invitation | reset
  std::optional<Id> programme_id;
  std::string created_at;
  std::string expires_at;
  std::string used_at;
};

// A mail waiting in the outbox. `link` is the one address in the body (the development log shows
// it instead of the mail); body and link are cleared once the mail is sent or given up.
struct OutgoingMail {
  Id id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string link;
  int attempts = 0;
  std::string next_attempt_at;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string created_at;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<UserRecord> find_by_email(std::string_view normalised_email) = 0;
  virtual Id insert(const NewUser& user) = 0;
  virtual void add_grant(Id user_id, const RoleGrant& grant) = 0;
  virtual std::vector<RoleGrant> grants(Id user_id) = 0;
  // The users who hold `role` in this programme (not site-wide grants), by name. No password hash.
  virtual std::vector<UserRecord> holders(Id programme_id, Role role) = 0;
  virtual std::int64_t count() = 0;
  virtual std::optional<UserRecord> find(Id user_id) = 0;
  // Every user with their grants, by e-mail.
  virtual std::vector<UserListing> list() = 0;
  virtual void set_disabled(Id user_id, bool disabled) = 0;
  virtual void set_password_hash(Id user_id, std::string_view hash) = 0;
  virtual bool has_grant(Id user_id, const RoleGrant& grant) = 0;
  // Removes the grant with this id if it is the user's; the grant removed, or nothing.
  virtual std::optional<RoleGrant> remove_grant(Id user_id, Id grant_id) = 0;
  // How many users hold a site-wide coordinator grant and are not disabled.
  virtual std::int64_t active_site_coordinators() = 0;

  // The sign-in throttle's counts (migration 0013), shared by every server: `scope` is pair,
  // address or account, `key_digest` the digest of what is counted (never the e-mail or the
  // address themselves). Times are ISO 8601 UTC.
  virtual std::optional<std::pair<int, std::string>> sign_in_failures(std::string_view scope, std::string_view key_digest) = 0;
  virtual void save_sign_in_failures(std::string_view scope, std::string_view key_digest, int failures, std::string_view last_failure_at) = 0;
  virtual void forget_sign_in_failures(std::string_view scope, std::string_view key_digest) = 0;
  // Drops every count last moved before `before` (they would be forgotten anyway).
  virtual void forget_sign_in_failures_before(std::string_view before) = 0;

  // Account links (migration 0016). Inserting one first drops the user's unused links of the
  // same purpose, so only the newest link works.
  virtual void insert_account_link(const AccountLink& link, std::string_view token_hash) = 0;
  virtual std::optional<AccountLink> find_account_link(std::string_view token_hash) = 0;
  // Marks the link used and drops the user's other unused links (of any purpose).
  virtual void use_account_link(Id link_id, Id user_id, std::string_view at) = 0;
  // The newest invitation of each user to this programme.
  virtual std::vector<AccountLink> invitations(Id programme_id) = 0;

  // Ley 81's cancellation: the account's e-mail and name replaced, no password, disabled; its
  // links dropped (its sessions are the session repository's).
  // Consent to the privacy notice (migration 0018): the newest event (action, version, time).
  struct ConsentEvent {
    std::string action;  // accept | withdraw
    std::string notice_version;
    std::string at;
  };
  virtual std::optional<ConsentEvent> latest_consent(Id user_id) = 0;
  virtual void record_consent(Id user_id, const ConsentEvent& event) = 0;

  // Removes this grant if the user holds it.
  virtual void remove_grant_of(Id user_id, const RoleGrant& grant) = 0;
  virtual void anonymise(Id user_id, std::string_view email, std::string_view display_name) = 0;
  // Unsent mail to this address dropped.
  virtual void drop_mail_to(std::string_view recipient) = 0;

  // The mail outbox (migration 0016).
  virtual void enqueue_mail(const OutgoingMail& mail, std::string_view created_at) = 0;
  // Mails not sent whose next attempt is due at `now`, oldest first.
  virtual std::vector<OutgoingMail> due_mail(std::string_view now, int limit) = 0;
  // Takes the mail for this sender until `lease_until`, if nobody moved it since it was read
  // (several servers may deliver; each mail goes through one).
  virtual bool claim_mail(Id mail_id, std::string_view seen_next_attempt_at, std::string_view lease_until) = 0;
  virtual void mail_sent(Id mail_id, std::string_view at) = 0;
  // A failed attempt: tried again at `next_attempt_at`, or given up (body cleared) when empty.
  virtual void mail_failed(Id mail_id, int attempts, std::string_view next_attempt_at, std::string_view error) = 0;
};

}  // namespace diplomado::storage
