// Reference data shared by every programme: institutions, and each country's subdivisions.
#include "documents/reference_file.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/reference_json.hpp"
#include "http/problem.hpp"
#include "services/load_reference.hpp"

namespace diplomado::http {

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
