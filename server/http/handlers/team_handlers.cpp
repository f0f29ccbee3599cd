#include "http/handlers/handlers.hpp"
#include "http/handlers/versioned_response.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/json/team_json.hpp"
#include "http/problem.hpp"
#include "services/form_teams.hpp"
#include "services/list_teams.hpp"

namespace diplomado {

// How this file's bodies read into domain and service types; BodyReader finds them here, in
// its own namespace (json/json_reader.hpp).

static std::optional<services::FormationMode> parse_formation_mode(std::string_view text) {
  if (text == "form") return services::FormationMode::form;
  if (text == "rebalance") return services::FormationMode::rebalance;
  return std::nullopt;
}

static void describe(BodyReader& body, FormationCriteria& criteria) {
  // The rules (no negative weight, a size range that holds) are the domain's, which names them.
  const Bounds weight{.max = 1e6};
  body.optional("region_weight", criteria.region_weight, weight)
      .optional("institutions_weight", criteria.institutions_weight, weight)
      .optional("gender_weight", criteria.gender_weight, weight)
      .optional("level_weight", criteria.level_weight, weight)
      .optional("size_weight", criteria.size_weight, weight)
      .optional("min_institutions", criteria.min_institutions)
      .optional("min_size", criteria.min_size)
      .optional("max_size", criteria.max_size);
}

static void describe(BodyReader& body, services::FormationRequest& request) {
  body.choice("mode", request.mode, parse_formation_mode)
      .optional("seed", request.seed)
      .optional("keep", request.keep, {.min = 1, .max_items = 100'000})
      .optional("criteria", request.criteria);
}

static void describe(BodyReader& body, services::TeamAssignment& assignment) {
  body.required("enrollment_id", assignment.enrollment_id, {.min = 1}).required("team_id", assignment.team_id, {.min = 1});
}

}  // namespace diplomado

namespace diplomado::http {

HttpResponse handle_list_teams(RequestContext& context) {
  auto teams = services::list_teams(context.store(), context.app.reads, *context.actor, programme_id_of(context));
  if (!teams) return problem_response(teams.error(), context.language);
  return json_response(200, context.app.responses.body<std::vector<TeamView>>(
                                (can_see_team_leaders(*context.actor, programme_id_of(context)) ? "teams:" : "teams-anonymous:") +
                                    std::to_string(programme_id_of(context)),
                                *teams,
                                [](const std::vector<TeamView>& value) { return whole_list_json(value); }));
}


struct TeamBody {
  std::string name;
  std::string region_code;
  std::optional<Id> leader_enrollment_id;
};
static void describe(BodyReader& body, TeamBody& team) {
  body.required("name", team.name, {.max_length = 200})
      .optional("region_code", team.region_code, {.max_length = 20})
      .nullable("leader_enrollment_id", team.leader_enrollment_id, {.min = 1});
}

struct ApplyTeamsBody {
  std::vector<services::TeamAssignment> assignments;
};
static void describe(BodyReader& body, ApplyTeamsBody& apply) { body.required("assignments", apply.assignments, {.max_items = 100'000}); }

// Body: {"name", "region_code"}.
HttpResponse handle_create_team(RequestContext& context) {
  auto body = read_body<TeamBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto team = services::create_team(context.store(), *context.actor, programme_id_of(context), body->name, body->region_code, context.app.now());
  if (!team) return problem_response(team.error(), context.language);
  return versioned_response(201, *team);
}

// Body: {"name", "region_code", "leader_enrollment_id": N | null}; If-Match: the team's version.
HttpResponse handle_update_team(RequestContext& context) {
  const auto team_id = path_id(context, "team_id");
  if (!team_id) return bad_path_id(context, "team_id");
  auto body = read_body<TeamBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  const services::TeamChange change{body->name, body->region_code, body->leader_enrollment_id, *version};
  auto team = services::update_team(context.store(), *context.actor, programme_id_of(context), *team_id, change, context.app.now());
  if (!team) return problem_response(team.error(), context.language);
  return versioned_response(200, *team);
}

// Body: {"mode": "form" | "rebalance", "seed": 1, "keep": [enrolment ids], "criteria": {"region_weight",
// "institutions_weight", "gender_weight", "level_weight", "size_weight", "min_institutions", "min_size", "max_size"}}.
HttpResponse handle_propose_teams(RequestContext& context) {
  auto request = read_body<services::FormationRequest>(context);
  if (!request) return problem_response(request.error(), context.language);
  auto proposal = services::propose_teams(context.store(), *context.actor, programme_id_of(context), *request);
  if (!proposal) return problem_response(proposal.error(), context.language);
  JsonWriter json;
  write(json, *proposal);
  return json_response(200, json.take());
}

// Body: {"assignments": [{"enrollment_id", "team_id"}]}: all or nothing.
HttpResponse handle_apply_teams(RequestContext& context) {
  auto body = read_body<ApplyTeamsBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto moved = services::apply_teams(context.store(), *context.actor, programme_id_of(context), body->assignments, context.app.now());
  if (!moved) return problem_response(moved.error(), context.language);
  JsonWriter json;
  json.begin_object().field("moved", *moved).end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http
