#include "http/json/programme_json.hpp"

#include "json/domain_writer.hpp"

#include "domain/programme_rules.hpp"

namespace diplomado {

void write(JsonWriter& json, const LocalizedText& text) { write_localized(json, text); }

void write(JsonWriter& json, const ProgrammeSummary& programme) {
  json.begin_object().field("id", programme.id).field("code", programme.code);
  write(json.key("title"), programme.title);
  json.key("start_date").text_or_null(programme.start_date);
  json.key("end_date").text_or_null(programme.end_date);
  json.field("country", programme.country).field("status", to_string(programme.status)).end_object();
}

namespace {
// The members of a programme, without braces: shared by its detail and the answer to an edit.
void programme_members(JsonWriter& json, const Programme& programme) {
  json.field("id", programme.id).field("code", programme.code);
  write(json.key("title"), programme.title);
  write(json.key("description"), programme.description);
  json.field("country", programme.country).field("time_zone", programme.time_zone).field("locale", programme.locale);
  json.field("status", to_string(programme.status));
  json.key("start_date").text_or_null(programme.start_date);
  json.key("end_date").text_or_null(programme.end_date);
  json.field("modality", programme.modality);
  json.key("sdgs").begin_array();
  for (int sdg : programme.sdgs) json.value(sdg);
  json.end_array();
  json.key("organisations").begin_array();
  for (const auto& organisation : programme.organisations) {
    json.begin_object().field("role", organisation.role);
    write(json.key("name"), organisation.name);
    json.field("acronym", organisation.acronym).end_object();
  }
  json.end_array();
  json.key("modules").begin_array();
  for (const auto& module : programme.modules) {
    json.begin_object().field("id", module.id).field("position", module.position);
    write(json.key("title"), module.title);
    json.field("hours", module.hours).field("pass_mark", module.pass_mark).field("weight", module.weight);
    json.field("illustrative", module.illustrative).end_object();
  }
  json.end_array();
  json.field("version", programme.version);
}
}  // namespace

void write(JsonWriter& json, const Programme& programme) {
  json.begin_object();
  programme_members(json, programme);
  json.end_object();
}

void write(JsonWriter& json, const services::ProgrammeDetail& detail) {
  const auto& programme = detail.programme;
  json.begin_object();
  programme_members(json, programme);
  write(json.key("subdivision_category"), detail.subdivision_category);
  const auto& counts = detail.counts;
  json.key("counts")
      .begin_object()
      .field("enrollments", counts.enrollments)
      .field("active", counts.active)
      .field("withdrawn", counts.withdrawn)
      .field("institutions", counts.institutions)
      .field("teams", counts.teams)
      .field("subdivisions", counts.subdivisions)
      .field("national_level", counts.national_level)
      .field("local_level", counts.local_level)
      .end_object();
  json.end_object();
}

void write(JsonWriter& json, const TeamView& team) {
  json.begin_object().field("id", team.id).field("name", team.name);
  json.key("region").begin_object().field("code", team.region.code).field("name", team.region.name).end_object();
  json.key("group_leader").object_or_null(team.leader_enrollment_id.has_value(), [&](JsonWriter& leader) {
    leader.field("enrollment_id", team.leader_enrollment_id.value_or(0))
        .field("name", team.leader_name)
        .field("institution_acronym", team.leader_institution_acronym);
  });
  json.field("member_count", team.member_count).field("version", team.version);
  json.key("institutions").begin_array();
  for (const auto& acronym : team.institution_acronyms) json.value(acronym);
  json.end_array().end_object();
}

void write(JsonWriter& json, const services::NamedCoordinator& coordinator) {
  json.begin_object().field("user_id", coordinator.user_id).field("email", coordinator.email).field("display_name", coordinator.display_name);
  json.key("initial_password").text_or_null(coordinator.initial_password);
  json.end_object();
}

void write(JsonWriter& json, const services::CreatedProgramme& created) {
  json.begin_object();
  write(json.key("programme"), created.programme);
  json.key("coordinators").begin_array();
  for (const auto& coordinator : created.coordinators) write(json, coordinator);
  json.end_array().end_object();
}

void write(JsonWriter& json, const services::SetupChecklist& checklist) {
  json.begin_object().key("items").begin_array();
  for (const auto& item : checklist.items) json.begin_object().field("key", item.key).field("done", item.done).field("count", item.count).end_object();
  json.end_array().field("complete", checklist.complete).end_object();
}

void write(JsonWriter& json, const CountryInfo& country) {
  json.begin_object().field("code", country.code);
  write(json.key("name"), country.name);
  json.key("time_zones").begin_array();
  for (const auto& zone : country.time_zones) json.value(zone);
  json.end_array().key("locales").begin_array();
  for (const auto& locale : country.locales) json.value(locale);
  json.end_array().field("default_locale", default_locale(country.code)).end_object();
}

}  // namespace diplomado
