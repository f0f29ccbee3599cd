#include "http/json/team_json.hpp"

namespace diplomado {
namespace {

void write_score(JsonWriter& json, const TeamScore& score) {
  json.begin_object()
      .field("total", score.total)
      .field("region", score.region)
      .field("institutions", score.institutions)
      .field("gender", score.gender)
      .field("level", score.level)
      .field("size", score.size);
  json.key("broken").begin_array();
  for (TeamConstraint constraint : score.broken) json.value(to_string(constraint));
  json.end_array().end_object();
}

}  // namespace

void write(JsonWriter& json, const services::FormationProposal& proposal) {
  json.begin_object().field("worst", proposal.worst).field("greedy_worst", proposal.greedy_worst).key("teams").begin_array();
  for (const auto& team : proposal.teams) {
    json.begin_object().field("team_id", team.team_id).field("name", team.name);
    json.key("region").begin_object().field("code", team.region_code).field("name", team.region_name).end_object();
    json.key("score");
    write_score(json, team.score);
    json.key("members").begin_array();
    for (const auto& member : team.members)
      json.begin_object()
          .field("enrollment_id", member.enrollment_id)
          .field("name", member.name)
          .field("institution", member.institution)
          .field("region", member.region_code)
          .field("sex", member.sex)
          .field("level", member.level)
          .field("leader", member.leader)
          .field("kept", member.kept)
          .end_object();
    json.end_array().end_object();
  }
  json.end_array().key("impossible").begin_array();
  for (const auto& impossible : proposal.impossible) {
    json.begin_object().field("constraint", impossible.constraint);
    json.key("region").object_or_null(!impossible.region_code.empty(), [&](JsonWriter& region) {
      region.field("code", impossible.region_code).field("name", impossible.region_name);
    });
    json.field("available", impossible.available).field("required", impossible.required).end_object();
  }
  json.end_array().key("moves").begin_array();
  for (const auto& move : proposal.moves) {
    json.begin_object().field("enrollment_id", move.enrollment_id).field("name", move.name);
    json.key("from_team_id");
    if (move.from_team_id) json.value(move.from_team_id);
    else json.null();
    json.field("to_team_id", move.to_team_id).end_object();
  }
  json.end_array().end_object();
}

}  // namespace diplomado
