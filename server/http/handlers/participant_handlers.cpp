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
  auto participants = services::list_participants(context.app.store, context.app.reads, *context.actor, programme_id_of(context), *page);
  if (!participants) return problem_response(participants.error(), context.language);
  const auto key = "participants:" + std::to_string(programme_id_of(context)) + ":" + std::to_string(page->page) + ":" + std::to_string(page->per_page);
  return json_response(200, context.app.responses.body<Page<ParticipantRow>>(key, *participants, [](const Page<ParticipantRow>& value) {
    return list_json(value.items, value.page, value.per_page, value.total);
  }));
}

}  // namespace diplomado::http
