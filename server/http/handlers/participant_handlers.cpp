#include <fmt/format.h>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/participant_json.hpp"
#include "http/problem.hpp"
#include "services/list_participants.hpp"

namespace diplomado::http {

HttpResponse handle_list_participants(RequestContext& context) {
  auto page = parse_page_request(context.query_value("page"), context.query_value("per_page"));
  if (!page) return problem_response(page.error(), context.language);
  auto filter = parse_participant_filter({context.query_value("q"), context.query_value("institution"), context.query_value("province"),
                                          context.query_value("level"), context.query_value("sex"), context.query_value("team"),
                                          context.query_value("status"), context.query_value("sort")});
  if (!filter) return problem_response(filter.error(), context.language);
  auto participants = services::list_participants(context.app.store, context.app.reads, *context.actor, programme_id_of(context), *filter, *page);
  if (!participants) return problem_response(participants.error(), context.language);
  // The memo holds one body per cached page; the key names everything the page depends on.
  const auto key = fmt::format("participants:{}:{}:{}:{}|{}|{}|{}|{}|{}|{}|{}", programme_id_of(context), page->page, page->per_page,
                               filter->search, filter->institution_id.value_or(-1), filter->subdivision_code, filter->level, filter->sex,
                               filter->team_id.value_or(-1), filter->status, to_string(filter->sort));
  return json_response(200, context.app.responses.body<Page<ParticipantRow>>(key, *participants, [](const Page<ParticipantRow>& value) {
    return list_json(value.items, value.page, value.per_page, value.total);
  }));
}

}  // namespace diplomado::http
