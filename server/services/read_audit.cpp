#include "services/read_audit.hpp"

#include <charconv>

#include "domain/programme_rules.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

bool is_date(const std::string& text) { return text.size() == 10 && parse_date(text).has_value(); }

}  // namespace

Result<AuditPage> read_audit(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, const AuditQuery& query,
                             std::optional<PageRequest> page) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  std::vector<FieldError> problems;
  AuditFilter filter;
  filter.programme_id = programme_id;
  if (query.actor.size() > 320) problems.push_back({"actor", std::nullopt, "too_long", "error.field.too_long", ""});
  if (query.action.size() > 64) problems.push_back({"action", std::nullopt, "too_long", "error.field.too_long", ""});
  filter.actor_email = query.actor;
  filter.action_prefix = query.action;
  if (!query.person.empty()) {
    Id id = 0;
    const auto [end, failed] = std::from_chars(query.person.data(), query.person.data() + query.person.size(), id);
    if (failed != std::errc{} || end != query.person.data() + query.person.size() || id <= 0)
      problems.push_back({"person", std::nullopt, "not_positive_integer", "error.field.positive_integer", query.person});
    else
      filter.enrollment_id = id;
  }
  for (const auto& [name, value] : {std::pair{"since", &query.since}, std::pair{"until", &query.until}})
    if (!value->empty() && !is_date(*value)) problems.push_back({name, std::nullopt, "invalid_date", "error.programme.invalid_date", *value});
  if (problems.empty() && !query.since.empty() && !query.until.empty() && query.since > query.until)
    problems.push_back({"until", std::nullopt, "before_since", "error.audit.until_before_since", query.until});
  if (!problems.empty()) return std::unexpected(invalid_fields(std::move(problems)));
  filter.since = query.since;
  filter.until = query.until;
  if (page) {
    filter.offset = page->offset();
    filter.limit = page->per_page;
  } else {
    filter.limit = 0;
  }
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return unit->audit().list(filter);
}

}  // namespace diplomado::services
