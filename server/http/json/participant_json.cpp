#include "http/json/participant_json.hpp"

#include "http/json/programme_json.hpp"

namespace diplomado::http {

nlohmann::json to_json(const ParticipantRow& participant) {
  return {{"enrollment_id", participant.enrollment_id},
          {"person_id", participant.person_id},
          {"given_names", participant.given_names},
          {"family_names", participant.family_names},
          {"sex", participant.sex},
          {"position", participant.position},
          {"level", participant.level},
          {"institution",
           participant.institution.id ? nlohmann::json{{"id", participant.institution.id},
                                                       {"acronym", participant.institution.acronym},
                                                       {"name", to_json(participant.institution.name)}}
                                      : nlohmann::json(nullptr)},
          {"subdivision", participant.subdivision.code.empty()
                              ? nlohmann::json(nullptr)
                              : nlohmann::json{{"code", participant.subdivision.code}, {"name", participant.subdivision.name}}},
          {"team", participant.team_id ? nlohmann::json{{"id", *participant.team_id}, {"name", participant.team_name}} : nlohmann::json(nullptr)},
          {"is_group_leader", participant.is_group_leader},
          {"status", participant.status},
          {"withdrawal_reason", participant.withdrawal_reason}};
}

}  // namespace diplomado::http
