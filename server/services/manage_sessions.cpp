#include "services/manage_sessions.hpp"
#include "json/json_writer.hpp"

#include <algorithm>

#include "services/get_programme.hpp"

namespace diplomado::services {

namespace {

// The rules a session must meet, on creation and on every edit; each error names its field.
Error check_session(const NewSession& session, std::optional<TimePoint>& starts, std::optional<TimePoint>& ends) {
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  starts = parse_iso8601(session.starts_at);
  ends = parse_iso8601(session.ends_at);
  if (!starts) invalid.details.push_back({"starts_at", std::nullopt, "invalid_time", "error.session.time", session.starts_at});
  if (!ends) invalid.details.push_back({"ends_at", std::nullopt, "invalid_time", "error.session.time", session.ends_at});
  if (starts && ends && *ends <= *starts) invalid.details.push_back({"ends_at", std::nullopt, "before_start", "error.session.order", session.ends_at});
  if (session.title.es.empty() || session.title.en.empty())
    invalid.details.push_back({"title", std::nullopt, "required", "error.field.required", {}});
  if (!session.online_link.empty() && !session.online_link.starts_with("https://"))
    invalid.details.push_back({"online_link", std::nullopt, "not_https", "error.session.link", session.online_link});
  if (session.place.size() > 200 || session.online_link.size() > 500 || session.title.es.size() > 200 || session.title.en.size() > 200)
    invalid.details.push_back({"title", std::nullopt, "too_long", "error.field.too_long", {}});
  return invalid;
}

// The session's module in the programme, or every error found: the session's own and an unknown module.
Result<Id> module_for(storage::UnitOfWork& unit, Id programme_id, const NewSession& session, Error invalid) {
  const auto programme = unit.programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  const auto module = std::ranges::find(programme->modules, session.module, &Module::position);
  if (module == programme->modules.end())
    invalid.details.push_back({"module", std::nullopt, "unknown_module", "error.seed.unknown_module", std::to_string(session.module)});
  if (!invalid.details.empty()) return std::unexpected(invalid);
  return module->id;
}

}  // namespace

Result<SessionRecord> create_session(storage::Store& store, const Actor& actor, Id programme_id, const NewSession& session,
                                                              TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  std::optional<TimePoint> starts, ends;
  Error invalid = check_session(session, starts, ends);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto module = module_for(*unit, programme_id, session, std::move(invalid));
  if (!module) return std::unexpected(module.error());

  const auto id = unit->teaching().insert_session(*module, {"", session.module, session.title, format_iso8601(*starts), format_iso8601(*ends), session.place});
  if (!session.online_link.empty()) unit->teaching().set_session_link(id, session.online_link);
  unit->audit().append({actor.user_id, "session.create", "session", id, json_object("module", session.module)}, format_iso8601(now));
  auto created = unit->teaching().sessions(programme_id);
  unit->commit();
  return *std::ranges::find(created, id, &SessionRecord::id);
}

Result<SessionRecord> update_session(storage::Store& store, const Actor& actor, Id programme_id, Id session_id,
                                                              const NewSession& session, std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  std::optional<TimePoint> starts, ends;
  Error invalid = check_session(session, starts, ends);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->teaching().session_in_programme(programme_id, session_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  const auto module = module_for(*unit, programme_id, session, std::move(invalid));
  if (!module) return std::unexpected(module.error());
  if (!unit->teaching().update_session(session_id, *module, {"", session.module, session.title, format_iso8601(*starts), format_iso8601(*ends), session.place},
                                       session.online_link, expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.session.stale"));
  unit->audit().append({actor.user_id, "session.update", "session", session_id, json_object("module", session.module)}, format_iso8601(now));
  auto sessions = unit->teaching().sessions(programme_id);
  unit->commit();
  return *std::ranges::find(sessions, session_id, &SessionRecord::id);
}

Result<void> delete_session(storage::Store& store, const Actor& actor, Id programme_id, Id session_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto sessions = unit->teaching().sessions(programme_id);
  const auto found = std::ranges::find(sessions, session_id, &SessionRecord::id);
  if (found == sessions.end()) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  // Attendance is a record of what happened: a session that has it is not removed.
  if (found->marks > 0) return std::unexpected(make_error(ErrorCode::conflict, "error.session.has_attendance"));
  unit->teaching().delete_session(session_id);
  unit->audit().append({actor.user_id, "session.delete", "session", session_id, "{}"}, format_iso8601(now));
  unit->commit();
  return {};
}

}  // namespace diplomado::services
