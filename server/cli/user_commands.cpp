#include "cli/user_commands.hpp"

#include "services/anonymise_person.hpp"

#include <ostream>

#include "documents/user_listing.hpp"
#include "documents/table_writer.hpp"
#include "services/list_programmes.hpp"
#include "services/manage_users.hpp"
#include "services/read_audit.hpp"

namespace diplomado::cli {
namespace {

// Every command acts on one user named by e-mail; the session cache is the server's, not ours.
template <class Action>
int on_user(services::Store& store, const UserCommand& command, Console& console, Action&& action) {
  const auto id = services::user_id_by_email(store, command.email);
  if (!id) return print_error(id.error(), console), 1;
  services::SessionCache no_cache(std::chrono::seconds{0});
  return action(*id, no_cache);
}

std::string grants_text(const services::UserView& user) {
  std::string text;
  for (const auto& grant : user.grants) {
    if (!text.empty()) text += ", ";
    text += std::string(to_string(grant.role)) + "@" + (grant.programme_code.empty() ? "*" : grant.programme_code);
  }
  return text;
}

int print_user(const Result<services::UserView>& user, Console& console) {
  if (!user) return print_error(user.error(), console), 1;
  console.out << user->email << '\t' << (user->disabled ? translate("cli.user.disabled", console.language) : translate("cli.user.enabled", console.language))
              << '\t' << grants_text(*user) << '\n';
  return 0;
}

}  // namespace

int run_user_list(services::Store& store, const UserCommand& command, Console& console) {
  const auto users = services::list_users(store);
  if (command.format == "json") {
    JsonWriter json;
    json.begin_object().key("items").begin_array();
    for (const auto& user : users) write(json, user);
    json.end_array().end_object();
    console.out << json.take() << '\n';
    return 0;
  }
  for (const auto& user : users) {
    console.out << user.email << '\t' << user.display_name << '\t'
                << translate(user.disabled ? "cli.user.disabled" : (user.has_password ? "cli.user.enabled" : "cli.user.no_password"), console.language) << '\t'
                << grants_text(user) << '\n';
  }
  return 0;
}

int run_user_set_disabled(services::Store& store, const UserCommand& command, bool disabled, Console& console) {
  return on_user(store, command, console, [&](Id id, services::SessionCache& cache) {
    return print_user(services::set_user_disabled(store, cache, std::nullopt, id, disabled, current_time()), console);
  });
}

int run_user_grant(services::Store& store, const UserCommand& command, Console& console) {
  return on_user(store, command, console, [&](Id id, services::SessionCache& cache) {
    return print_user(services::grant_role(store, cache, std::nullopt, id, command.role, command.programme, current_time()), console);
  });
}

int run_user_revoke(services::Store& store, const UserCommand& command, Console& console) {
  return on_user(store, command, console, [&](Id id, services::SessionCache& cache) {
    const auto user = services::find_user(store, id);
    if (!user) return print_error(user.error(), console), 1;
    for (const auto& grant : user->grants)
      if (to_string(grant.role) == command.role && grant.programme_code == command.programme)
        return print_user(services::revoke_role(store, cache, std::nullopt, id, grant.id, current_time()), console);
    print_error(field_error("role", "not_granted", "error.user.grant_not_found", command.role), console);
    return 1;
  });
}

int run_user_reset_password(services::Store& store, const UserCommand& command, Console& console) {
  return on_user(store, command, console, [&](Id id, services::SessionCache& cache) {
    auto reset = services::reset_password(store, cache, std::nullopt, id, command.password, current_time());
    if (!reset) return print_error(reset.error(), console), 1;
    console.out << translate("cli.user.password_reset", console.language) << " " << command.email << '\n';
    if (!command.password) console.out << "  password: " << reset->password << '\n';
    return 0;
  });
}

int run_audit(services::Store& store, const AuditCommand& command, Console& console) {
  const auto programme = services::find_programme_by_code(store, command.programme);
  if (!programme) return print_error(programme.error(), console), 1;
  const auto events = services::read_audit(store, std::nullopt, *programme,
                                           {command.actor, command.action, command.person, command.since, command.until}, std::nullopt);
  if (!events) return print_error(events.error(), console), 1;
  if (command.format == "csv") {
    documents::Table table{"audit", {"id", "at", "actor", "action", "entity", "entity_id", "details", "request_id"}, {}};
    for (const auto& event : events->items)
      table.rows.push_back({static_cast<double>(event.id), event.at, event.actor_email.empty() ? std::string("system") : event.actor_email, event.action,
                            event.entity, event.entity_id ? documents::TableCell(static_cast<double>(*event.entity_id)) : documents::TableCell(),
                            event.details_json, event.request_id});
    return write_output(documents::table_csv(table, console.language), command.output, console);
  }
  JsonWriter json;
  json.begin_object().field("programme", command.programme).field("total", events->total).key("items").begin_array();
  for (const auto& event : events->items)
    write(json, event);
  json.end_array().end_object();
  return write_output(json.take() + '\n', command.output, console);
}

int run_purge(services::Store& store, int years, bool dry_run, Console& console) {
  services::SessionCache no_cache(std::chrono::seconds{0});
  const auto report = services::purge_closed_programmes(store, no_cache, years, dry_run, current_time());
  if (!report) return print_error(report.error(), console), 1;
  console.out << translate(dry_run ? "cli.purge.would" : "cli.purge.done", console.language) << ": " << report->people << " ("
              << translate("cli.purge.before", console.language) << " " << report->closed_before << ")\n";
  return 0;
}

}  // namespace diplomado::cli
