#include "http/json/participant_json.hpp"

#include "http/json/programme_json.hpp"

namespace diplomado::http {

void write(JsonWriter& json, const ParticipantRow& participant) {
  json.begin_object()
      .field("enrollment_id", participant.enrollment_id)
      .field("person_id", participant.person_id)
      .field("given_names", participant.given_names)
      .field("family_names", participant.family_names)
      .field("sex", participant.sex)
      .field("position", participant.position)
      .field("level", participant.level);
  json.key("institution");
  if (participant.institution.id) {
    json.begin_object().field("id", participant.institution.id).field("acronym", participant.institution.acronym);
    write(json.key("name"), participant.institution.name);
    json.end_object();
  } else {
    json.null();
  }
  json.key("subdivision");
  if (participant.subdivision.code.empty()) {
    json.null();
  } else {
    json.begin_object().field("code", participant.subdivision.code).field("name", participant.subdivision.name).end_object();
  }
  json.key("team");
  if (participant.team_id) {
    json.begin_object().field("id", *participant.team_id).field("name", participant.team_name).end_object();
  } else {
    json.null();
  }
  json.field("is_group_leader", participant.is_group_leader)
      .field("status", participant.status)
      .field("withdrawal_reason", participant.withdrawal_reason)
      .end_object();
}

}  // namespace diplomado::http
