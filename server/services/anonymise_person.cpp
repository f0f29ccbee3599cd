#include "services/anonymise_person.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

// Anonymises one person in the caller's unit: their identity, their certificates' holder name,
// unsent mail to them, and their account's learner grants in their programmes; an account left
// with no grant is anonymised and closed (the caller forgets its cached sessions).
struct Done {
  bool anonymised = false;
  std::optional<Id> closed_user;
};

Done anonymise(storage::UnitOfWork& unit, Id person_id, const std::vector<Id>& programmes, TimePoint now) {
  const auto at = format_iso8601(now);
  const auto email = unit.people().anonymise_person(person_id, anonymised_given_names, fmt::format("#{}", person_id), anonymised_holder_name, at);
  if (!email) return {};
  Done done{true, std::nullopt};
  if (email->empty()) return done;
  unit.users().drop_mail_to(normalise_email(*email));
  const auto user = unit.users().find_by_email(normalise_email(*email));
  if (!user) return done;
  for (const Id programme : programmes)
    for (const Role role : {Role::participant, Role::group_leader}) unit.users().remove_grant_of(user->id, {role, programme});
  if (!unit.users().grants(user->id).empty()) return done;  // a staff account stays (its other roles)
  unit.users().anonymise(user->id, fmt::format("anonimizado-{}@anonymised.invalid", user->id), anonymised_given_names);
  unit.http_sessions().remove_all_of(user->id, "");
  done.closed_user = user->id;
  return done;
}

}  // namespace

Result<Anonymisation> anonymise_enrollment(storage::Store& store, SessionCache& cache, const Actor& actor, Id programme_id, Id enrollment_id,
                                           TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto person = unit->people().person_of_enrollment(programme_id, enrollment_id);
  if (!person) return std::unexpected(make_error(ErrorCode::not_found, "error.enrollment.not_found"));
  Anonymisation result{*person, unit->people().programmes_of_person(*person), false};
  // The person is one across programmes: someone who does not coordinate all of theirs asks the
  // site coordinator.
  if (!std::ranges::all_of(result.programme_ids, [&](Id programme) { return can_manage_programme(actor, programme); }))
    return std::unexpected(make_error(ErrorCode::conflict, "error.anonymise.other_programmes"));
  const auto done = anonymise(*unit, *person, result.programme_ids, now);
  if (!done.anonymised) return std::unexpected(make_error(ErrorCode::conflict, "error.anonymise.already"));
  result.account_closed = done.closed_user.has_value();
  unit->audit().append({actor.user_id, "person.anonymise", "enrollment", enrollment_id,
                        json_object("person_id", *person, "programmes", static_cast<std::int64_t>(result.programme_ids.size()), "account_closed",
                                    result.account_closed),
                        programme_id},
                       format_iso8601(now));
  unit->commit();
  if (done.closed_user) cache.forget_user(*done.closed_user);
  return result;
}

Result<PurgeReport> purge_closed_programmes(storage::Store& store, SessionCache& cache, int years, bool dry_run, TimePoint now) {
  if (years < 1 || years > 100) return std::unexpected(field_error("older_than", "range", "error.purge.years"));
  const auto today = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now));
  const auto cut = std::chrono::year_month_day(today.year() - std::chrono::years(years), today.month(),
                                               today.day() > std::chrono::day(28) && today.month() == std::chrono::February ? std::chrono::day(28) : today.day());
  PurgeReport report{fmt::format("{:04}-{:02}-{:02}", static_cast<int>(cut.year()), static_cast<unsigned>(cut.month()), static_cast<unsigned>(cut.day())), 0,
                     dry_run};
  auto unit = store.begin(dry_run ? storage::TransactionMode::read_only : storage::TransactionMode::read_write);
  const auto people = unit->people().people_of_programmes_closed_before(report.closed_before);
  report.people = static_cast<std::int64_t>(people.size());
  if (dry_run) return report;
  std::vector<Id> closed;
  for (const Id person : people) {
    const auto programmes = unit->people().programmes_of_person(person);
    const auto done = anonymise(*unit, person, programmes, now);
    if (done.closed_user) closed.push_back(*done.closed_user);
    unit->audit().append({std::nullopt, "person.anonymise", "person", person,
                          json_object("purge", true, "closed_before", report.closed_before, "account_closed", done.closed_user.has_value()),
                          programmes.size() == 1 ? std::optional<Id>(programmes.front()) : std::nullopt},
                         format_iso8601(now));
  }
  unit->commit();
  for (const Id user : closed) cache.forget_user(user);
  return report;
}

}  // namespace diplomado::services
