#include "services/anonymise_person.hpp"
#include <fmt/format.h>

#include <map>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/participant_json.hpp"
#include "http/problem.hpp"
#include "documents/participant_export.hpp"
#include "services/export_participants.hpp"
#include "services/list_participants.hpp"
#include "services/manage_enrollment.hpp"

namespace diplomado::http {

namespace {

Result<ParticipantFilter> filter_of(const RequestContext& context) {
  return parse_participant_filter({context.query_value("q"), context.query_value("institution"), context.query_value("province"),
                                   context.query_value("level"), context.query_value("sex"), context.query_value("team"),
                                   context.query_value("status"), context.query_value("sort")});
}

}  // namespace

HttpResponse handle_get_participant(RequestContext& context) {
  const auto enrollment_id = path_id(context, "enrollment_id");
  if (!enrollment_id) return bad_path_id(context, "enrollment_id");
  auto record = services::get_participant(context.store(), *context.actor, programme_id_of(context), *enrollment_id, context.app.now());
  if (!record) return problem_response(record.error(), context.language);
  return versioned_response(200, *record);
}

// Body: the import's field names ({"given_names": "...", "email": "...", ...}), all text.
HttpResponse handle_enrol_participant(RequestContext& context) {
  // The names are checked by the use case against the import's fields; here each value must be text.
  auto fields = read_body<std::map<std::string, std::string>>(context, {.max_length = 300, .max_items = 50});
  if (!fields) return problem_response(fields.error(), context.language);
  auto record = services::enrol_participant(context.store(), *context.actor, programme_id_of(context), *fields, context.app.now());
  if (!record) return problem_response(record.error(), context.language);
  auto response = versioned_response(201, *record);
  response.headers.emplace_back("Location", context.path + "/" + std::to_string(record->row.enrollment_id));
  return response;
}

struct StatusBody {
  std::string status;
  std::string reason;
};
static void describe(BodyReader& body, StatusBody& change) {
  body.required("status", change.status, {.max_length = 20}).optional("reason", change.reason, {.max_length = 1000});
}

// Body: {"status": "withdrawn", "reason": "..."}; If-Match: the version from the ETag.
HttpResponse handle_change_enrollment_status(RequestContext& context) {
  const auto enrollment_id = path_id(context, "enrollment_id");
  if (!enrollment_id) return bad_path_id(context, "enrollment_id");
  auto body = read_body<StatusBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  const services::StatusChange change{body->status, body->reason, *version};
  auto record = services::change_enrollment_status(context.store(), *context.actor, programme_id_of(context), *enrollment_id, change, context.app.now());
  if (!record) return problem_response(record.error(), context.language);
  return versioned_response(200, *record);
}

// Ley 81's cancellation: the person's identity goes for good (aggregates stay).
HttpResponse handle_anonymise_participant(RequestContext& context) {
  const auto enrollment_id = path_id(context, "enrollment_id");
  if (!enrollment_id) return bad_path_id(context, "enrollment_id");
  auto done = services::anonymise_enrollment(context.store(), context.app.sessions, *context.actor, programme_id_of(context), *enrollment_id,
                                             context.app.now());
  if (!done) return problem_response(done.error(), context.language);
  JsonWriter json;
  json.begin_object().field("person_id", done->person_id).field("programmes", static_cast<std::int64_t>(done->programme_ids.size()))
      .field("account_closed", done->account_closed).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_list_participants(RequestContext& context) {
  auto page = parse_page_request(context.query_value("page"), context.query_value("per_page"));
  if (!page) return problem_response(page.error(), context.language);
  auto filter = filter_of(context);
  if (!filter) return problem_response(filter.error(), context.language);
  auto participants = services::list_participants(context.store(), context.app.reads, *context.actor, programme_id_of(context), *filter, *page);
  if (!participants) return problem_response(participants.error(), context.language);
  // The memo holds one body per cached page; the key names everything the page depends on.
  const auto key = fmt::format("participants:{}:{}:{}:{}|{}|{}|{}|{}|{}|{}|{}", programme_id_of(context), page->page, page->per_page,
                               filter->search, filter->institution_id.value_or(-1), filter->subdivision_code,
                               filter->level ? to_string(*filter->level) : std::string_view("*"), filter->sex ? to_string(*filter->sex) : std::string_view("*"),
                               filter->team_id.value_or(-1), filter->status ? to_string(*filter->status) : std::string_view("*"), to_string(filter->sort));
  return json_response(200, context.app.responses.body<Page<ParticipantRow>>(key, *participants, [](const Page<ParticipantRow>& value) {
    return list_json(value.items, value.page, value.per_page, value.total);
  }));
}

// The table as the coordinator filtered it, as a file in the language the page is shown in.
HttpResponse handle_export_participants(RequestContext& context) {
  auto filter = filter_of(context);
  if (!filter) return problem_response(filter.error(), context.language);
  const auto format = export_format(context);
  if (!format) return problem_response(format.error(), context.language);
  const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
  auto exported = services::export_participants(context.store(), context.actor, programme_id_of(context), *filter, *format, context.app.now());
  if (!exported) return problem_response(exported.error(), context.language);
  const auto& category = exported->subdivision_category;
  return table_file_response(documents::participants_table(exported->records, language, language == Language::en ? category.en : category.es), *format,
                             language, translate("export.file_name", language));
}

}  // namespace diplomado::http
