// Reference data shared by every programme: institutions, and each country's subdivisions.
#include "documents/reference_file.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/reference_json.hpp"
#include "http/problem.hpp"
#include "services/load_reference.hpp"
#include "services/manage_institutions.hpp"

namespace diplomado::http {
namespace {

Result<InstitutionRecord> institution_from(const nlohmann::json& body) {
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  InstitutionRecord institution;
  auto text = [&](const nlohmann::json& object, const char* name, std::string& target, const std::string& field) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return;
    if (!found->is_string()) error.details.push_back({field, std::nullopt, "not_a_string", "error.field.type_string", {}});
    else target = found->get<std::string>();
  };
  if (auto name = body.find("name"); name != body.end() && name->is_object()) {
    text(*name, "es", institution.name.es, "name.es");
    text(*name, "en", institution.name.en, "name.en");
  }
  text(body, "acronym", institution.acronym, "acronym");
  text(body, "sector", institution.sector, "sector");
  institution.level = "national";
  text(body, "level", institution.level, "level");
  text(body, "valid_from", institution.valid_from, "valid_from");
  text(body, "valid_to", institution.valid_to, "valid_to");
  if (auto aliases = body.find("aliases"); aliases != body.end() && !aliases->is_null()) {
    if (!aliases->is_array()) error.details.push_back({"aliases", std::nullopt, "not_a_list", "error.field.type_string", {}});
    else
      for (const auto& alias : *aliases)
        if (alias.is_string()) institution.aliases.push_back(alias.get<std::string>());
  }
  if (!error.details.empty()) return std::unexpected(error);
  return institution;
}

}  // namespace

HttpResponse handle_create_institution(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto institution = institution_from(*body);
  if (!institution) return problem_response(institution.error(), context.language);
  auto created = services::create_institution(context.app.store, *context.actor, std::move(*institution), context.app.now());
  if (!created) return problem_response(created.error(), context.language);
  return versioned_response(201, *created);
}

HttpResponse handle_update_institution(RequestContext& context) {
  const auto id = path_id(context, "institution_id");
  if (!id) return bad_path_id(context, "institution_id");
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto institution = institution_from(*body);
  if (!institution) return problem_response(institution.error(), context.language);
  institution->id = *id;
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto updated = services::update_institution(context.app.store, *context.actor, std::move(*institution), *version, context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  return versioned_response(200, *updated);
}

// Body: {"merge_id": N}: institution N is merged into the one in the path.
HttpResponse handle_merge_institution(RequestContext& context) {
  const auto id = path_id(context, "institution_id");
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  const auto merge = body->find("merge_id");
  if (!id || merge == body->end() || !merge->is_number_integer() || merge->get<Id>() <= 0)
    return problem_response(field_error("merge_id", "not_positive_integer", "error.field.positive_integer"), context.language);
  auto merged = services::merge_institutions(context.app.store, *context.actor, *id, merge->get<Id>(), context.app.now());
  if (!merged) return problem_response(merged.error(), context.language);
  JsonWriter json;
  json.begin_object().key("institution");
  write(json, merged->kept);
  json.field("people_moved", merged->people_moved).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_list_institutions(RequestContext& context) {
  return json_response(200, whole_list_json(services::list_institutions(context.app.store)));
}

HttpResponse handle_list_subdivisions(RequestContext& context) {
  auto subdivisions = services::list_subdivisions(context.app.store, context.path_parameters.at("country"));
  if (!subdivisions) return problem_response(subdivisions.error(), context.language);
  return json_response(200, whole_list_json(*subdivisions));
}

HttpResponse handle_load_subdivisions(RequestContext& context) {
  if (auto object = parse_json_object(context); !object) return problem_response(object.error(), context.language);
  auto list = documents::parse_subdivision_list(context.body);
  if (!list) return problem_response(list.error(), context.language);
  const auto& country = context.path_parameters.at("country");
  if (!list->country.empty() && list->country != country)
    return problem_response(field_error("country", "country_mismatch", "error.reference.country", list->country), context.language);
  auto loaded = services::load_subdivisions(context.app.store, context.actor, country, list->subdivisions, context.app.now());
  if (!loaded) return problem_response(loaded.error(), context.language);
  auto subdivisions = services::list_subdivisions(context.app.store, country);
  return json_response(200, whole_list_json(*subdivisions));
}

}  // namespace diplomado::http
