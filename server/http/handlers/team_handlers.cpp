#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/json/team_json.hpp"
#include "http/problem.hpp"
#include "services/form_teams.hpp"
#include "services/list_teams.hpp"

namespace diplomado::http {

HttpResponse handle_list_teams(RequestContext& context) {
  auto teams = services::list_teams(context.app.store, context.app.reads, *context.actor, programme_id_of(context));
  if (!teams) return problem_response(teams.error(), context.language);
  return json_response(200, context.app.responses.body<std::vector<TeamView>>(
                                "teams:" + std::to_string(programme_id_of(context)), *teams,
                                [](const std::vector<TeamView>& value) { return whole_list_json(value); }));
}


// Body: {"name", "region_code"}.
HttpResponse handle_create_team(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto team = services::create_team(context.app.store, *context.actor, programme_id_of(context), body->value("name", ""), body->value("region_code", ""),
                                    context.app.now());
  if (!team) return problem_response(team.error(), context.language);
  return versioned_response(201, *team);
}

// Body: {"name", "region_code", "leader_enrollment_id": N | null}; If-Match: the team's version.
HttpResponse handle_update_team(RequestContext& context) {
  const auto team_id = path_id(context, "team_id");
  if (!team_id) return bad_path_id(context, "team_id");
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  services::TeamChange change{body->value("name", ""), body->value("region_code", ""), std::nullopt, *version};
  if (const auto leader = body->find("leader_enrollment_id"); leader != body->end() && leader->is_number_integer())
    change.leader_enrollment_id = leader->get<Id>();
  auto team = services::update_team(context.app.store, *context.actor, programme_id_of(context), *team_id, change, context.app.now());
  if (!team) return problem_response(team.error(), context.language);
  return versioned_response(200, *team);
}

// Body: {"mode": "form" | "rebalance", "seed": 1, "keep": [enrolment ids], "criteria": {"region_weight",
// "institutions_weight", "gender_weight", "level_weight", "size_weight", "min_institutions", "min_size", "max_size"}}.
HttpResponse handle_propose_teams(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  services::FormationRequest request;
  const std::string mode = body->value("mode", "form");
  if (mode != "form" && mode != "rebalance") return problem_response(field_error("mode", "unknown", "error.teams.mode", mode), context.language);
  request.mode = mode == "form" ? services::FormationMode::form : services::FormationMode::rebalance;
  if (const auto seed = body->find("seed"); seed != body->end() && seed->is_number_unsigned()) request.seed = seed->get<std::uint64_t>();
  for (const auto& id : body->value("keep", nlohmann::json::array()))
    if (id.is_number_integer()) request.keep.push_back(id.get<Id>());
  const auto criteria = body->value("criteria", nlohmann::json::object());
  if (!criteria.is_object()) return problem_response(field_error("criteria", "malformed", "error.invalid_input"), context.language);
  auto& c = request.criteria;
  for (const auto& [name, target] : {std::pair{"region_weight", &c.region_weight}, std::pair{"institutions_weight", &c.institutions_weight},
                                     std::pair{"gender_weight", &c.gender_weight}, std::pair{"level_weight", &c.level_weight},
                                     std::pair{"size_weight", &c.size_weight}}) {
    const auto found = criteria.find(name);
    if (found == criteria.end()) continue;
    if (!found->is_number()) return problem_response(field_error(name, "not_number", "error.grading.negative_weight", found->dump()), context.language);
    *target = found->get<double>();
  }
  for (const auto& [name, target] : {std::pair{"min_institutions", &c.min_institutions}, std::pair{"min_size", &c.min_size},
                                     std::pair{"max_size", &c.max_size}}) {
    const auto found = criteria.find(name);
    if (found == criteria.end()) continue;
    if (!found->is_number_integer()) return problem_response(field_error(name, "not_number", "error.teams.size_range", found->dump()), context.language);
    *target = found->get<int>();
  }
  auto proposal = services::propose_teams(context.app.store, *context.actor, programme_id_of(context), request);
  if (!proposal) return problem_response(proposal.error(), context.language);
  JsonWriter json;
  write(json, *proposal);
  return json_response(200, json.take());
}

// Body: {"assignments": [{"enrollment_id", "team_id"}]}: all or nothing.
HttpResponse handle_apply_teams(RequestContext& context) {
  auto body = parse_json_object(context);
  if (!body) return problem_response(body.error(), context.language);
  std::vector<services::TeamAssignment> assignments;
  const auto listed = body->find("assignments");
  if (listed == body->end() || !listed->is_array()) return problem_response(field_error("assignments", "required", "error.field.required"), context.language);
  for (const auto& item : *listed) {
    if (!item.is_object() || !item.value("enrollment_id", nlohmann::json()).is_number_integer() || !item.value("team_id", nlohmann::json()).is_number_integer())
      return problem_response(field_error("assignments", "malformed", "error.invalid_input"), context.language);
    assignments.push_back({item.at("enrollment_id").get<Id>(), item.at("team_id").get<Id>()});
  }
  auto moved = services::apply_teams(context.app.store, *context.actor, programme_id_of(context), assignments, context.app.now());
  if (!moved) return problem_response(moved.error(), context.language);
  JsonWriter json;
  json.begin_object().field("moved", *moved).end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http
