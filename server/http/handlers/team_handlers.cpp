#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/problem.hpp"
#include "services/list_teams.hpp"

namespace diplomado::http {

HttpResponse handle_list_teams(RequestContext& context) {
  auto teams = services::list_teams(context.app.store, *context.actor, programme_id_of(context));
  if (!teams) return problem_response(teams.error(), context.language);
  return json_response(200, whole_list_json(*teams));
}

}  // namespace diplomado::http
