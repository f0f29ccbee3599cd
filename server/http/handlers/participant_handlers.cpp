#include "domain/pagination.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/participant_json.hpp"
#include "http/problem.hpp"
#include "services/list_participants.hpp"

namespace diplomado::http {

HttpResponse handle_list_participants(RequestContext& context) {
  auto page = parse_page_request(context.query_value("page"), context.query_value("per_page"));
  if (!page) return problem_response(page.error(), context.language);
  auto participants = services::list_participants(context.app.store, *context.actor, programme_id_of(context), *page);
  if (!participants) return problem_response(participants.error(), context.language);
  return json_response(200, list_json(participants->items, participants->page, participants->per_page, participants->total));
}

}  // namespace diplomado::http
