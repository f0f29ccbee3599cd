#include "documents/closing_report.hpp"

#include "json/domain_writer.hpp"

namespace diplomado::documents {
namespace {

void write_guest(JsonWriter& json, const Guest& guest) {
  json.begin_object().field("id", guest.id).field("name", guest.name).key("title");
  write_localized(json, guest.title);
  json.field("institution", guest.institution)
      .field("precedence", static_cast<std::int64_t>(guest.precedence))
      .field("authority", guest.authority)
      .field("rsvp", std::string(to_string(guest.rsvp)))
      .key("checked_in_at")
      .text_or_null(guest.checked_in_at)
      .field("version", guest.version)
      .end_object();
}

void write_counts(JsonWriter& json, const services::GuestCounts& counts) {
  json.begin_object()
      .field("guests", counts.guests)
      .field("accepted", counts.accepted)
      .field("declined", counts.declined)
      .field("pending", counts.pending)
      .field("checked_in", counts.checked_in)
      .end_object();
}

void write_people(JsonWriter& json, const std::vector<services::CeremonyPerson>& people) {
  json.begin_array();
  for (const auto& person : people) json.begin_object().field("name", person.name).field("institution", person.institution).field("detail", person.detail).end_object();
  json.end_array();
}

}  // namespace

std::string ceremony_json(const services::CeremonyView& view) {
  JsonWriter json;
  json.begin_object().field("time_zone", view.time_zone).key("ceremony").begin_object();
  json.key("starts_at").text_or_null(view.ceremony.starts_at).field("venue", view.ceremony.venue).key("run_of_show").begin_array();
  for (const auto& item : view.ceremony.run_of_show) {
    json.begin_object().field("at", item.at).key("title");
    write_localized(json, item.title);
    json.end_object();
  }
  json.end_array().field("version", view.ceremony.version).end_object();
  json.key("guests").begin_array();
  for (const auto& guest : view.guests) write_guest(json, guest);
  json.end_array().key("counts");
  write_counts(json, view.counts);
  json.key("graduates");
  write_people(json, view.graduates);
  json.key("group_leaders");
  write_people(json, view.group_leaders);
  json.key("best_team");
  if (view.best_team) json.begin_object().field("name", view.best_team->name).field("region", view.best_team->detail).end_object();
  else json.null();
  json.end_object();
  return json.take();
}

std::string guest_json(const Guest& guest) {
  JsonWriter json;
  write_guest(json, guest);
  return json.take();
}

std::string guest_counts_json(const services::GuestCounts& counts) {
  JsonWriter json;
  write_counts(json, counts);
  return json.take();
}

std::string survey_json(const services::SurveyView& view) {
  JsonWriter json;
  json.begin_object().key("questions").begin_array();
  for (const auto& question : view.questions) {
    json.begin_object().field("id", question.id).field("kind", std::string(to_string(question.kind))).key("text");
    write_localized(json, question.text);
    json.field("scale_min", static_cast<std::int64_t>(question.scale_min)).field("scale_max", static_cast<std::int64_t>(question.scale_max)).end_object();
  }
  json.end_array().field("respondents", view.respondents).field("enrolled", view.enrolled).key("answered");
  if (view.answered) json.value(*view.answered);
  else json.null();
  json.key("results").begin_array();
  for (const auto& result : view.results) {
    json.begin_object().field("question_id", result.question.id).field("n", result.n).field("mean", result.mean).key("counts").begin_array();
    for (auto count : result.counts) json.value(count);
    json.end_array().key("texts").begin_array();
    for (const auto& text : result.texts) json.value(text);
    json.end_array().end_object();
  }
  json.end_array().end_object();
  return json.take();
}

std::string news_json(const services::NewsView& view, Language reader) {
  JsonWriter json;
  json.begin_object().field("language", std::string(to_string(view.language))).field("generated", view.generated.markdown).key("missing").begin_array();
  for (const auto& key : view.generated.missing)
    json.begin_object().field("key", key).field("message", translate(key, reader)).end_object();
  json.end_array().key("saved");
  if (view.saved)
    json.begin_object().field("body", view.saved->body).field("updated_at", view.saved->updated_at).field("version", view.saved->version).end_object();
  else json.null();
  json.end_object();
  return json.take();
}

}  // namespace diplomado::documents
