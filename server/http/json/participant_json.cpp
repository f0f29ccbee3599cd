#include "services/anonymise_person.hpp"
#include "http/json/participant_json.hpp"

#include "http/json/programme_json.hpp"

namespace diplomado {

namespace {

// The row's members, shared by the list item and the person page.
void participant_fields(JsonWriter& json, const ParticipantRow& participant) {
  json.field("enrollment_id", participant.enrollment_id)
      .field("person_id", participant.person_id)
      .field("given_names", participant.given_names)
      .field("family_names", participant.family_names)
      .field("sex", participant.sex)
      .field("position", participant.position)
      .field("level", participant.level);
  json.key("institution").object_or_null(participant.institution.id != 0, [&](JsonWriter& institution) {
    institution.field("id", participant.institution.id).field("acronym", participant.institution.acronym);
    write(institution.key("name"), participant.institution.name);
  });
  json.key("subdivision").object_or_null(!participant.subdivision.code.empty(), [&](JsonWriter& subdivision) {
    subdivision.field("code", participant.subdivision.code).field("name", participant.subdivision.name);
  });
  json.key("team").object_or_null(participant.team_id.has_value(), [&](JsonWriter& team) {
    team.field("id", participant.team_id.value_or(0)).field("name", participant.team_name);
  });
  json.field("is_group_leader", participant.is_group_leader)
      .field("status", to_string(participant.status))
      .field("withdrawal_reason", participant.withdrawal_reason);
}

}  // namespace

void write(JsonWriter& json, const ParticipantRow& participant) {
  json.begin_object();
  participant_fields(json, participant);
  json.end_object();
}

void write(JsonWriter& json, const ParticipantRecord& record) {
  json.begin_object();
  participant_fields(json, record.row);
  json.field("email", record.email)
      .field("phone", record.phone)
      .field("gender_identity", record.gender_identity)
      .key("consent")
      .begin_object()
      .field("date", record.consent_date)
      .field("notice_version", record.consent_notice_version)
      .field("purposes", record.consent_purposes)
      .end_object()
      .field("version", record.version)
      .field("anonymised", record.row.given_names == services::anonymised_given_names)
      .end_object();
}

}  // namespace diplomado
