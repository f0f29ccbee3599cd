#include "services/consent.hpp"

#include "json/json_writer.hpp"

namespace diplomado::services {
namespace {

ConsentState state_of(const std::optional<storage::UserRepository::ConsentEvent>& event, const ConsentNotice& notice) {
  ConsentState state;
  if (event && event->action == "accept") {
    state.accepted_version = event->notice_version;
    state.accepted_at = event->at;
  } else if (event) {
    state.withdrawn_at = event->at;
  }
  state.needed = state.accepted_version != notice.version;
  return state;
}

}  // namespace

ConsentState consent_state(storage::Store& store, const Actor& actor, const ConsentNotice& notice) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return state_of(unit->users().latest_consent(actor.user_id), notice);
}

Result<ConsentState> accept_consent(storage::Store& store, const Actor& actor, const ConsentNotice& notice, std::string_view version, TimePoint now) {
  if (version != notice.version) return std::unexpected(make_error(ErrorCode::conflict, "error.consent.changed"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  const storage::UserRepository::ConsentEvent event{"accept", notice.version, format_iso8601(now)};
  unit->users().record_consent(actor.user_id, event);
  unit->audit().append({actor.user_id, "consent.accept", "app_user", actor.user_id, json_object("notice_version", notice.version)}, event.at);
  unit->commit();
  return state_of(event, notice);
}

Result<ConsentState> withdraw_consent(storage::Store& store, const Actor& actor, const ConsentNotice& notice, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->users().latest_consent(actor.user_id);
  if (!current || current->action != "accept") return std::unexpected(make_error(ErrorCode::conflict, "error.consent.not_given"));
  const storage::UserRepository::ConsentEvent event{"withdraw", current->notice_version, format_iso8601(now)};
  unit->users().record_consent(actor.user_id, event);
  unit->audit().append({actor.user_id, "consent.withdraw", "app_user", actor.user_id, json_object("notice_version", current->notice_version)}, event.at);
  unit->commit();
  return state_of(event, notice);
}

}  // namespace diplomado::services
