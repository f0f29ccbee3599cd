#include "services/manage_sessions.hpp"

#include <algorithm>

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<storage::TeachingRepository::SessionRow> create_session(storage::Store& store, const Actor& actor, Id programme_id, const NewSession& session,
                                                              TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  const auto starts = parse_iso8601(session.starts_at);
  const auto ends = parse_iso8601(session.ends_at);
  if (!starts) invalid.details.push_back({"starts_at", std::nullopt, "invalid_time", "error.session.time", session.starts_at});
  if (!ends) invalid.details.push_back({"ends_at", std::nullopt, "invalid_time", "error.session.time", session.ends_at});
  if (starts && ends && *ends <= *starts) invalid.details.push_back({"ends_at", std::nullopt, "before_start", "error.session.order", session.ends_at});
  if (session.title.es.empty() || session.title.en.empty())
    invalid.details.push_back({"title", std::nullopt, "required", "error.field.required", {}});
  if (!session.online_link.empty() && !session.online_link.starts_with("https://"))
    invalid.details.push_back({"online_link", std::nullopt, "not_https", "error.session.link", session.online_link});
  if (session.place.size() > 200 || session.online_link.size() > 500 || session.title.es.size() > 200 || session.title.en.size() > 200)
    invalid.details.push_back({"title", std::nullopt, "too_long", "error.field.too_long", {}});

  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  const auto module = std::ranges::find(programme->modules, session.module, &Module::position);
  if (module == programme->modules.end())
    invalid.details.push_back({"module", std::nullopt, "unknown_module", "error.seed.unknown_module", std::to_string(session.module)});
  if (!invalid.details.empty()) return std::unexpected(invalid);

  const auto id = unit->teaching().insert_session(module->id, {"", session.module, session.title, format_iso8601(*starts), format_iso8601(*ends), session.place});
  if (!session.online_link.empty()) unit->teaching().set_session_link(id, session.online_link);
  unit->audit().append({actor.user_id, "session.create", "session", id, R"({"module":)" + std::to_string(session.module) + "}"}, format_iso8601(now));
  auto created = unit->teaching().sessions(programme_id);
  unit->commit();
  return *std::ranges::find(created, id, &storage::TeachingRepository::SessionRow::id);
}

}  // namespace diplomado::services
