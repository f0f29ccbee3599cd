#include "services/account_links.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "domain/enrollment.hpp"
#include "domain/messages.hpp"
#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/crypto.hpp"
#include "services/get_programme.hpp"
#include "services/password_rule.hpp"

namespace diplomado::services {
namespace {

constexpr std::string_view invitation = "invitation";
constexpr std::string_view reset = "reset";
constexpr int max_mail_attempts = 8;

std::string full_name(const ParticipantRow& row) { return row.given_names + " " + row.family_names; }

// "2026-12-15T10:30:00Z" → "2026-12-15 10:30" (the mail says UTC).
std::string readable_time(const std::string& iso) { return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso; }

std::string link_to(const std::string& public_url, const std::string& token) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  // The token travels in the fragment, which browsers never send: no server or proxy logs it.
  return base + "/account/password#" + token;
}

// Makes a link for the user and puts its mail, in Spanish then English, in the outbox, in the
// caller's unit.
void send_link(storage::UnitOfWork& unit, const storage::UserRecord& user, std::string_view purpose, std::optional<Id> programme_id,
               const LocalizedText& programme_title, const std::string& public_url, TimePoint now, std::string kind,
               std::optional<std::chrono::seconds> valid_for = std::nullopt) {
  const std::string token = random_token(32);
  const auto lifetime = valid_for ? *valid_for
                        : purpose == invitation ? std::chrono::duration_cast<std::chrono::seconds>(invitation_lifetime)
                                                : std::chrono::duration_cast<std::chrono::seconds>(reset_lifetime);
  storage::AccountLink link{0, user.id, std::string(purpose), programme_id, format_iso8601(now), format_iso8601(now + lifetime), ""};
  unit.users().insert_account_link(link, token_digest(token));
  const std::string address = link_to(public_url, token);
  // The catalogue's texts with named arguments, as the certificates' (a value is never read as a
  // format, so a name holding braces stays as typed).
  const auto in = [&](Language language) {
    const auto fill = [&](const std::string& key) {
      return fmt::format(fmt::runtime(translate(key, language)), fmt::arg("name", user.display_name), fmt::arg("link", address),
                         fmt::arg("expires", readable_time(link.expires_at)), fmt::arg("programme", in_language(programme_title, language)));
    };
    return std::pair{fill(kind + ".subject"), fill(kind + ".body")};
  };
  const auto [subject_es, body_es] = in(Language::es);
  const auto [subject_en, body_en] = in(Language::en);
  unit.users().enqueue_mail({0, user.email, subject_es + " / " + subject_en, body_es + "\n\n— English —\n\n" + body_en, address, 0, ""},
                            format_iso8601(now));
}

// Counts one more request under (scope, key) within the hour; false when past `limit`.
bool within_hourly_limit(storage::UnitOfWork& unit, std::string_view scope, const std::string& key, int limit, TimePoint now) {
  const auto digest = token_digest(key);
  int count = 0;
  if (const auto row = unit.users().sign_in_failures(scope, digest)) {
    const auto last = parse_iso8601(row->second);
    if (last && now - *last < std::chrono::hours(1)) count = row->first;
  }
  if (count >= limit) return false;
  unit.users().save_sign_in_failures(scope, digest, count + 1, format_iso8601(now));
  return true;
}

Error link_error(std::string key) { return make_error(ErrorCode::not_found, std::move(key)); }

Result<storage::AccountLink> live_link(storage::UnitOfWork& unit, std::string_view token, TimePoint now) {
  if (token.empty() || token.size() > 128) return std::unexpected(link_error("error.account_link.unknown"));
  auto link = unit.users().find_account_link(token_digest(token));
  if (!link) return std::unexpected(link_error("error.account_link.unknown"));
  if (!link->used_at.empty()) return std::unexpected(link_error("error.account_link.used"));
  if (link->expires_at <= format_iso8601(now)) return std::unexpected(link_error("error.account_link.expired"));
  return *link;
}

}  // namespace

void send_invitation(storage::UnitOfWork& unit, const Invitee& invitee, Id programme_id, const LocalizedText& programme_title,
                     InvitationKind kind, const std::string& public_url, TimePoint now) {
  send_link(unit, {invitee.user_id, invitee.email, invitee.display_name, "", false}, invitation, programme_id, programme_title, public_url, now,
            kind == InvitationKind::juror ? "mail.juror_invitation" : "mail.invitation");
}

std::string_view to_string(AccountState state) {
  switch (state) {
    case AccountState::none: return "none";
    case AccountState::invited: return "invited";
    case AccountState::expired: return "expired";
    case AccountState::active: return "active";
    case AccountState::disabled: return "disabled";
  }
  return "none";
}

Result<std::vector<InvitationRow>> list_invitations(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  std::map<Id, storage::AccountLink> newest;
  for (auto& link : unit->users().invitations(programme_id)) newest.emplace(link.user_id, std::move(link));
  const auto at = format_iso8601(now);
  std::vector<InvitationRow> rows;
  for (const auto& record : unit->programmes().participant_records(programme_id, ParticipantFilter{})) {
    InvitationRow row{record.row.enrollment_id, full_name(record.row), !record.email.empty(),
                      record.row.status == EnrollmentStatus::withdrawn, AccountState::none, "", ""};
    if (row.has_email) {
      if (const auto user = unit->users().find_by_email(normalise_email(record.email))) {
        const auto invited = newest.find(user->id);
        if (invited != newest.end()) {
          row.invited_at = invited->second.created_at;
          row.expires_at = invited->second.expires_at;
        }
        if (user->disabled) row.account = AccountState::disabled;
        else if (is_password_hash(user->password_hash)) row.account = AccountState::active;
        else if (invited != newest.end()) row.account = invited->second.expires_at <= at ? AccountState::expired : AccountState::invited;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<InvitationSummary> invite_participants(storage::Store& store, const Actor& actor, Id programme_id,
                                              const std::optional<std::vector<Id>>& chosen, const std::string& public_url, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(make_error(ErrorCode::not_found, "error.programme.not_found"));

  std::map<Id, ParticipantRecord> records;
  for (auto& record : unit->programmes().participant_records(programme_id, ParticipantFilter{}))
    records.emplace(record.row.enrollment_id, std::move(record));
  std::vector<Id> wanted;
  if (chosen) wanted = *chosen;
  else
    for (const auto& [id, record] : records) wanted.push_back(id);

  InvitationSummary summary;
  std::set<Id> seen;
  for (const Id enrollment_id : wanted) {
    if (!seen.insert(enrollment_id).second) continue;
    const auto found = records.find(enrollment_id);
    if (found == records.end()) {
      summary.skipped.push_back({enrollment_id, "", "not_found"});
      continue;
    }
    const auto& record = found->second;
    const std::string name = full_name(record.row);
    if (record.row.status == EnrollmentStatus::withdrawn) {
      if (chosen) summary.skipped.push_back({enrollment_id, name, "withdrawn"});
      continue;
    }
    if (record.email.empty()) {
      summary.skipped.push_back({enrollment_id, name, "no_email"});
      continue;
    }
    const auto email = normalise_email(record.email);
    auto user = unit->users().find_by_email(email);
    if (user && user->disabled) {
      summary.skipped.push_back({enrollment_id, name, "disabled"});
      continue;
    }
    if (user && !chosen && is_password_hash(user->password_hash)) {
      ++summary.already_active;
      continue;
    }
    if (!user) {
      const Id id = unit->users().insert({email, name, "!", format_iso8601(now)});  // "!" matches no password
      user = storage::UserRecord{id, email, name, "!", false};
    }
    std::vector<RoleGrant> grants{{Role::participant, programme_id}};
    if (record.row.is_group_leader) grants.push_back({Role::group_leader, programme_id});
    for (const auto& grant : grants)
      if (!unit->users().has_grant(user->id, grant)) unit->users().add_grant(user->id, grant);
    send_invitation(*unit, {user->id, user->email, user->display_name}, programme_id, programme->title, InvitationKind::participant, public_url, now);
    unit->audit().append({actor.user_id, "account.invite", "enrollment", enrollment_id, json_object("user_id", user->id), programme_id},
                         format_iso8601(now));
    ++summary.invited;
  }
  unit->commit();
  return summary;
}

Result<void> request_password_reset(storage::Store& store, std::string_view email, std::string_view client_address,
                                    const std::string& public_url, TimePoint now) {
  if (!is_valid_email(email)) return std::unexpected(field_error("email", "invalid_email", "error.field.email"));
  const auto normalised = normalise_email(email);
  // The same work whether or not an account has this e-mail: both counters are read and written.
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!within_hourly_limit(*unit, "reset_address", std::string(client_address), reset_requests_per_address, now)) {
    unit->commit();
    Error busy = make_error(ErrorCode::too_many_requests, "error.account_link.too_many");
    busy.retry_after_seconds = 3600;
    return std::unexpected(busy);
  }
  const bool may_mail = within_hourly_limit(*unit, "reset_account", normalised, reset_mails_per_account, now);
  const auto user = unit->users().find_by_email(normalised);
  if (user && !user->disabled && may_mail) {
    send_link(*unit, *user, reset, std::nullopt, LocalizedText{}, public_url, now, "mail.reset");
    unit->audit().append({std::nullopt, "account.reset_request", "app_user", user->id, "{}"}, format_iso8601(now));
  }
  unit->commit();
  return {};
}

Result<void> send_password_link(storage::Store& store, const std::optional<Actor>& by, Id user_id, const std::string& public_url, TimePoint now) {
  if (by && !std::ranges::any_of(by->grants, [](const RoleGrant& grant) { return grant.role == Role::coordinator && !grant.programme_id; }))
    return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto user = unit->users().find(user_id);
  if (!user) return std::unexpected(make_error(ErrorCode::not_found, "error.user.not_found"));
  if (user->disabled) return std::unexpected(make_error(ErrorCode::conflict, "error.account_link.disabled"));
  send_link(*unit, *user, reset, std::nullopt, LocalizedText{}, public_url, now, "mail.reset", std::chrono::duration_cast<std::chrono::seconds>(sent_link_lifetime));
  unit->audit().append({by ? std::optional<Id>(by->user_id) : std::nullopt, "user.password_link", "app_user", user_id, "{}"}, format_iso8601(now));
  unit->commit();
  return {};
}

Result<AccountLinkView> inspect_account_link(storage::Store& store, std::string_view token, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto link = live_link(*unit, token, now);
  if (!link) return std::unexpected(link.error());
  const auto user = unit->users().find(link->user_id);
  if (!user || user->disabled) return std::unexpected(link_error("error.account_link.unknown"));
  return AccountLinkView{link->purpose, user->email, user->display_name, link->expires_at};
}

Result<void> redeem_account_link(storage::Store& store, SessionCache& cache, std::string_view token, std::string_view password, TimePoint now) {
  std::optional<storage::UserRecord> user;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    auto link = live_link(*unit, token, now);
    if (!link) return std::unexpected(link.error());
    user = unit->users().find(link->user_id);
  }
  if (!user || user->disabled) return std::unexpected(link_error("error.account_link.unknown"));
  if (auto weak = password_error(password, user->email, user->display_name)) return std::unexpected(invalid_fields({*weak}));
  const auto hash = hash_password(password);
  if (!hash) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));

  auto unit = store.begin(storage::TransactionMode::read_write);
  // Checked again inside the writing unit: two tabs using one link at once set one password.
  auto link = live_link(*unit, token, now);
  if (!link) return std::unexpected(link.error());
  unit->users().set_password_hash(user->id, *hash);
  unit->users().use_account_link(link->id, user->id, format_iso8601(now));
  const auto ended = unit->http_sessions().remove_all_of(user->id, "");
  unit->audit().append({user->id, "account.password_set", "app_user", user->id,
                        json_object("through", link->purpose, "sessions_ended", ended), link->programme_id},
                       format_iso8601(now));
  unit->commit();
  cache.forget_user(user->id);
  return {};
}

DeliveryReport deliver_mail(storage::Store& store, Mailer& mailer, TimePoint now) {
  std::vector<storage::OutgoingMail> due;
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    due = unit->users().due_mail(format_iso8601(now), 50);
  }
  DeliveryReport report;
  for (const auto& mail : due) {
    {
      // Lease it for ten minutes: another server's sender leaves it alone meanwhile.
      auto unit = store.begin(storage::TransactionMode::read_write);
      if (!unit->users().claim_mail(mail.id, mail.next_attempt_at, format_iso8601(now + std::chrono::minutes(10)))) continue;
      unit->commit();
    }
    const auto failure = mailer.send({mail.recipient, mail.subject, mail.body, mail.link});
    auto unit = store.begin(storage::TransactionMode::read_write);
    if (!failure) {
      unit->users().mail_sent(mail.id, format_iso8601(now));
      ++report.sent;
    } else {
      const int attempts = mail.attempts + 1;
      const std::string next = attempts >= max_mail_attempts ? "" : format_iso8601(now + std::chrono::minutes(1 << (attempts - 1)));
      unit->users().mail_failed(mail.id, attempts, next, *failure);
      ++report.failed;
    }
    unit->commit();
  }
  return report;
}

}  // namespace diplomado::services
