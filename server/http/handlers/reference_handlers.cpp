// Reference data shared by every programme: institutions, and each country's subdivisions.
#include "documents/reference_file.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/reference_json.hpp"
#include "json/domain_reader.hpp"
#include "http/problem.hpp"
#include "services/load_reference.hpp"
#include "services/manage_institutions.hpp"

namespace diplomado {

// How this file's bodies read into domain and service types; BodyReader finds them here, in
// its own namespace (json/json_reader.hpp).

static void describe(BodyReader& body, InstitutionRecord& institution) {
  // The name is checked by the use case, which names the language that is missing.
  body.optional("name", institution.name).read_only({"id", "version"});
  describe_institution(body, institution, institution.aliases);
}

}  // namespace diplomado

namespace diplomado::http {

struct MergeBody {
  Id merge_id = 0;
};
static void describe(BodyReader& body, MergeBody& merge) { body.required("merge_id", merge.merge_id, {.min = 1}); }

HttpResponse handle_create_institution(RequestContext& context) {
  auto institution = read_body<InstitutionRecord>(context);
  if (!institution) return problem_response(institution.error(), context.language);
  auto created = services::create_institution(context.store(), *context.actor, std::move(*institution), context.app.now());
  if (!created) return problem_response(created.error(), context.language);
  return versioned_response(201, *created);
}

HttpResponse handle_update_institution(RequestContext& context) {
  const auto id = path_id(context, "institution_id");
  if (!id) return bad_path_id(context, "institution_id");
  auto institution = read_body<InstitutionRecord>(context);
  if (!institution) return problem_response(institution.error(), context.language);
  institution->id = *id;
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto updated = services::update_institution(context.store(), *context.actor, std::move(*institution), *version, context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  return versioned_response(200, *updated);
}

// Body: {"merge_id": N}: institution N is merged into the one in the path.
HttpResponse handle_merge_institution(RequestContext& context) {
  const auto id = path_id(context, "institution_id");
  if (!id) return bad_path_id(context, "institution_id");
  auto body = read_body<MergeBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto merged = services::merge_institutions(context.store(), *context.actor, *id, body->merge_id, context.app.now());
  if (!merged) return problem_response(merged.error(), context.language);
  JsonWriter json;
  json.begin_object().key("institution");
  write(json, merged->kept);
  json.field("people_moved", merged->people_moved).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_list_institutions(RequestContext& context) {
  return json_response(200, whole_list_json(services::list_institutions(context.store())));
}

HttpResponse handle_list_subdivisions(RequestContext& context) {
  auto subdivisions = services::list_subdivisions(context.store(), context.path_parameters.at("country"));
  if (!subdivisions) return problem_response(subdivisions.error(), context.language);
  return json_response(200, whole_list_json(*subdivisions));
}

HttpResponse handle_load_subdivisions(RequestContext& context) {
  // The same reader as the CLI's file: the body is checked for type, depth and size there.
  if (auto object = parse_json_object(context); !object) return problem_response(object.error(), context.language);
  auto list = documents::parse_subdivision_list(context.body);
  if (!list) return problem_response(list.error(), context.language);
  const auto& country = context.path_parameters.at("country");
  if (!list->country.empty() && list->country != country)
    return problem_response(field_error("country", "country_mismatch", "error.reference.country", list->country), context.language);
  auto loaded = services::load_subdivisions(context.store(), context.actor, country, list->subdivisions, context.app.now());
  if (!loaded) return problem_response(loaded.error(), context.language);
  auto subdivisions = services::list_subdivisions(context.store(), country);
  return json_response(200, whole_list_json(*subdivisions));
}

}  // namespace diplomado::http
