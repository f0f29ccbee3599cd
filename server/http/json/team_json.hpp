#pragma once
#include "json/json_writer.hpp"
#include "services/form_teams.hpp"

namespace diplomado {

// A formation proposal: each team's score with its parts and broken constraints, its members,
// the constraints that cannot hold, and the moves.
void write(JsonWriter& json, const services::FormationProposal& proposal);

}  // namespace diplomado
