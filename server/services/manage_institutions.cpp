#include "services/manage_institutions.hpp"

#include "domain/text_key.hpp"
#include "domain/programme_rules.hpp"
#include "json/json_writer.hpp"

#include <algorithm>

#include "domain/participant_import.hpp"

namespace diplomado::services {
namespace {


bool is_coordinator_anywhere(const Actor& actor) {
  return std::ranges::any_of(actor.grants, [](const RoleGrant& grant) { return grant.role == Role::coordinator; });
}

Error not_found() { return make_error(ErrorCode::not_found, "error.institution.not_found"); }

// Who may edit, and whether the fields hold: the checks create and update share.
std::optional<Error> refuse_edit(const Actor& actor, const InstitutionRecord& institution) {
  if (!is_coordinator_anywhere(actor)) return make_error(ErrorCode::forbidden, "error.forbidden");
  if (auto errors = check_institution(institution); !errors.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
    error.details = std::move(errors);
    return error;
  }
  return std::nullopt;
}

std::string audit_fields(const InstitutionRecord& institution) { return json_object("acronym", institution.acronym); }

}  // namespace

std::vector<FieldError> check_institution(const InstitutionRecord& institution) {
  std::vector<FieldError> errors;
  if (is_blank(institution.name.es)) errors.push_back({"name.es", std::nullopt, "required", "error.field.required", {}});
  if (is_blank(institution.name.en)) errors.push_back({"name.en", std::nullopt, "required", "error.field.required", {}});
  for (const auto* text : {&institution.name.es, &institution.name.en, &institution.acronym, &institution.sector})
    if (text->size() > 200) errors.push_back({text == &institution.acronym ? "acronym" : "name", std::nullopt, "too_long", "error.field.too_long", {}});
  if (institution.level != "national" && institution.level != "local")
    errors.push_back({"level", std::nullopt, "unknown_level", "error.seed.unknown_level", institution.level});
  if (!institution.country.empty() && !is_known_country(institution.country))
    errors.push_back({"country", std::nullopt, "unknown_country", "error.programme.unknown_country", institution.country});
  auto check_date = [&](const char* field, const std::string& date) {
    if (date.empty()) return true;
    if (date.size() != 10 || parse_date_cell(date) != date) {
      errors.push_back({field, std::nullopt, "invalid_date", "error.import.invalid_date", date});
      return false;
    }
    return true;
  };
  const bool from_ok = check_date("valid_from", institution.valid_from);
  const bool to_ok = check_date("valid_to", institution.valid_to);
  if (from_ok && to_ok && !institution.valid_from.empty() && !institution.valid_to.empty() && institution.valid_to < institution.valid_from)
    errors.push_back({"valid_to", std::nullopt, "before_valid_from", "error.institution.dates", institution.valid_to});
  return errors;
}

Result<InstitutionRecord> create_institution(storage::Store& store, const Actor& actor, InstitutionRecord institution, TimePoint now) {
  if (auto refused = refuse_edit(actor, institution)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (unit->people().find_institution_by_name(institution.name.es))
    return std::unexpected(field_error("name.es", "duplicate", "error.institution.duplicate", institution.name.es));
  institution.id = unit->people().insert_institution(institution);
  unit->audit().append({actor.user_id, "institution.create", "institution", institution.id, audit_fields(institution)}, format_iso8601(now));
  auto stored = unit->people().find_institution(institution.id);
  unit->commit();
  return std::move(*stored);
}

Result<InstitutionRecord> update_institution(storage::Store& store, const Actor& actor, InstitutionRecord institution,
                                             std::optional<std::int64_t> expected_version, TimePoint now) {
  if (auto refused = refuse_edit(actor, institution)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto current = unit->people().find_institution(institution.id);
  if (!current) return std::unexpected(not_found());
  if (auto same_name = unit->people().find_institution_by_name(institution.name.es); same_name && *same_name != institution.id)
    return std::unexpected(field_error("name.es", "duplicate", "error.institution.duplicate", institution.name.es));
  if (!unit->people().update_institution(institution, expected_version.value_or(current->version)))
    return std::unexpected(make_error(ErrorCode::conflict, "error.institution.stale"));
  unit->audit().append({actor.user_id, "institution.update", "institution", institution.id, audit_fields(institution)}, format_iso8601(now));
  auto stored = unit->people().find_institution(institution.id);
  unit->commit();
  return std::move(*stored);
}

Result<MergeResult> merge_institutions(storage::Store& store, const Actor& actor, Id kept, Id merged, TimePoint now) {
  if (!can_manage_site(actor)) return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  if (kept == merged) return std::unexpected(field_error("merge_id", "same_institution", "error.institution.merge_itself"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto keep = unit->people().find_institution(kept);
  auto gone = unit->people().find_institution(merged);
  if (!keep || !gone) return std::unexpected(not_found());
  // What the merged one was called stays recognisable: its names and acronym become aliases, so
  // a later file that still says "Migración" finds the kept institution.
  for (const auto* name : {&gone->acronym, &gone->name.es, &gone->name.en})
    if (!name->empty() && std::ranges::find(keep->aliases, *name) == keep->aliases.end()) keep->aliases.push_back(*name);
  for (const auto& alias : gone->aliases)
    if (std::ranges::find(keep->aliases, alias) == keep->aliases.end()) keep->aliases.push_back(alias);
  const auto moved = unit->people().merge_institution(kept, merged);
  unit->people().update_institution(*keep, keep->version);
  unit->audit().append({actor.user_id, "institution.merge", "institution", kept,
                        json_object("merged_id", merged, "people_moved", moved)},
                       format_iso8601(now));
  auto stored = unit->people().find_institution(kept);
  unit->commit();
  return MergeResult{std::move(*stored), moved};
}

}  // namespace diplomado::services
