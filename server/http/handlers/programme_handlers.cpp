#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/problem.hpp"
#include "services/get_programme.hpp"
#include "services/list_programmes.hpp"

namespace diplomado::http {

Id programme_id_of(const RequestContext& context) { return std::stoll(context.path_parameters.at("programme_id")); }

HttpResponse handle_list_programmes(RequestContext& context) {
  auto programmes = services::list_programmes(context.app.store, *context.actor);
  if (!programmes) return problem_response(programmes.error(), context.language);
  return json_response(200, whole_list_json(*programmes));
}

HttpResponse handle_get_programme(RequestContext& context) {
  auto detail = services::get_programme(context.app.store, context.app.reads, *context.actor, programme_id_of(context));
  if (!detail) return problem_response(detail.error(), context.language);
  const auto body = context.app.responses.body<services::ProgrammeDetail>(
      "programme:" + std::to_string(programme_id_of(context)), *detail, [](const services::ProgrammeDetail& value) {
        JsonWriter json;
        write(json, value);
        return json.take();
      });
  HttpResponse response = json_response(200, body);
  response.headers.emplace_back("ETag", "\"" + std::to_string((*detail)->programme.version) + "\"");
  return response;
}

}  // namespace diplomado::http
