#include "services/load_reference.hpp"
#include "domain/text_key.hpp"
#include "json/json_writer.hpp"

#include <set>

namespace diplomado::services {
namespace {

bool is_country_code(const std::string& country) {
  return country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) && std::isupper(static_cast<unsigned char>(country[1]));
}


std::optional<Error> refuse_non_site_coordinator(const std::optional<Actor>& actor) {
  if (actor && !can_manage_site(*actor)) return make_error(ErrorCode::forbidden, "error.forbidden");
  return std::nullopt;
}

}  // namespace

Result<std::size_t> load_subdivisions(storage::Store& store, const std::optional<Actor>& actor, const std::string& country,
                                      const std::vector<ReferenceSubdivision>& subdivisions, TimePoint now) {
  if (auto refused = refuse_non_site_coordinator(actor)) return std::unexpected(*refused);
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  if (!is_country_code(country)) error.details.push_back({"country", std::nullopt, "invalid_country", "error.reference.country", country});
  if (subdivisions.empty()) error.details.push_back({"subdivisions", std::nullopt, "required", "error.field.required", {}});
  std::set<std::string> codes;
  long position = 0;
  for (const auto& subdivision : subdivisions) {
    ++position;
    if (!subdivision.code.starts_with(country + "-") || subdivision.code.size() < 4 || subdivision.code.size() > 12)
      error.details.push_back({"code", position, "invalid_code", "error.reference.subdivision_code", subdivision.code});
    else if (!codes.insert(subdivision.code).second)
      error.details.push_back({"code", position, "duplicate", "error.seed.duplicate", subdivision.code});
    if (is_blank(subdivision.name)) error.details.push_back({"name", position, "required", "error.field.required", {}});
    if (is_blank(subdivision.kind)) error.details.push_back({"kind", position, "required", "error.field.required", {}});
  }
  if (!error.details.empty()) return std::unexpected(error);

  auto unit = store.begin(storage::TransactionMode::read_write);
  for (const auto& subdivision : subdivisions)
    unit->people().upsert_subdivision({subdivision.code, country, subdivision.name, subdivision.kind}, subdivision.aliases);
  unit->audit().append({actor ? std::optional<Id>(actor->user_id) : std::nullopt, "subdivisions.load", "subdivision", std::nullopt,
                        json_object("country", country, "count", subdivisions.size())},
                       format_iso8601(now));
  unit->commit();
  return subdivisions.size();
}

Result<std::size_t> load_institutions(storage::Store& store, const std::optional<Actor>& actor,
                                      const std::vector<ReferenceInstitution>& institutions, TimePoint now) {
  if (auto refused = refuse_non_site_coordinator(actor)) return std::unexpected(*refused);
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  long position = 0;
  std::set<std::string> names;
  for (const auto& entry : institutions) {
    ++position;
    const auto& institution = entry.institution;
    if (is_blank(institution.name.es)) error.details.push_back({"name.es", position, "required", "error.field.required", {}});
    else if (!names.insert(institution.name.es).second) error.details.push_back({"name.es", position, "duplicate", "error.seed.duplicate", institution.name.es});
    if (is_blank(institution.name.en)) error.details.push_back({"name.en", position, "required", "error.field.required", {}});
    if (institution.level != "national" && institution.level != "local")
      error.details.push_back({"level", position, "unknown_level", "error.seed.unknown_level", institution.level});
  }
  if (!error.details.empty()) return std::unexpected(error);

  auto unit = store.begin(storage::TransactionMode::read_write);
  for (const auto& entry : institutions) {
    const auto id = unit->people().find_or_insert_institution(entry.institution);
    unit->people().set_institution_aliases(id, entry.aliases);
  }
  unit->audit().append({actor ? std::optional<Id>(actor->user_id) : std::nullopt, "institutions.load", "institution", std::nullopt,
                        json_object("count", institutions.size())},
                       format_iso8601(now));
  unit->commit();
  return institutions.size();
}

std::vector<InstitutionRecord> list_institutions(storage::Store& store) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->people().institutions();
}

Result<std::vector<SubdivisionCandidate>> list_subdivisions(storage::Store& store, const std::string& country) {
  if (!is_country_code(country)) return std::unexpected(field_error("country", "invalid_country", "error.reference.country", country));
  auto unit = store.begin(storage::TransactionMode::read_only);
  return unit->people().subdivision_candidates(country);
}

}  // namespace diplomado::services
