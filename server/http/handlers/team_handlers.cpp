#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/problem.hpp"
#include "services/list_teams.hpp"

namespace diplomado::http {

HttpResponse handle_list_teams(RequestContext& context) {
  auto teams = services::list_teams(context.app.store, context.app.reads, *context.actor, programme_id_of(context));
  if (!teams) return problem_response(teams.error(), context.language);
  return json_response(200, context.app.responses.body<std::vector<TeamView>>(
                                "teams:" + std::to_string(programme_id_of(context)), *teams,
                                [](const std::vector<TeamView>& value) { return whole_list_json(value); }));
}

}  // namespace diplomado::http
