#pragma once
// Teams (issue 4): edited by hand (name, region, group leader, members), or formed automatically
// with weighted criteria (domain/team_formation): a proposal first, shown with each team's score
// and what it breaks, then applied in one transaction. After a withdrawal, a rebalance proposes
// the fewest moves that restore the constraints.
#include <optional>
#include <string>
#include <vector>

#include "domain/team_formation.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

enum class FormationMode { form, rebalance };

struct FormationRequest {
  FormationCriteria criteria;
  std::uint64_t seed = 1;
  FormationMode mode = FormationMode::form;
  std::vector<Id> keep;  // enrolments kept where they are (besides the group leaders)
};

struct ProposedMember {
  Id enrollment_id = 0;
  std::string name;
  std::string institution;
  std::string region_code;
  std::string sex;
  std::string level;
  bool leader = false;
  bool kept = false;
  std::optional<Id> current_team_id;
};

struct ProposedTeam {
  Id team_id = 0;
  std::string name;
  std::string region_code;
  std::string region_name;
  TeamScore score;
  std::vector<ProposedMember> members;
};

struct FormationProposal {
  std::vector<ProposedTeam> teams;
  double worst = 0;
  double greedy_worst = 0;  // the plain greedy baseline, for comparison
  struct Impossible {
    std::string constraint;
    std::string region_code;
    std::string region_name;
    int available = 0;
    int required = 0;
  };
  std::vector<Impossible> impossible;
  struct Move {
    Id enrollment_id = 0;
    std::string name;
    Id from_team_id = 0;
    Id to_team_id = 0;
  };
  std::vector<Move> moves;  // rebalance: what changes; form: every member whose team changes
};

Result<FormationProposal> propose_teams(storage::Store& store, const Actor& actor, Id programme_id, const FormationRequest& request);

struct TeamAssignment {
  Id enrollment_id = 0;
  Id team_id = 0;
};
// Applies a proposal (or any assignment): every enrolment and team must be the programme's.
Result<std::int64_t> apply_teams(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<TeamAssignment>& assignments,
                                 TimePoint now);

struct TeamChange {
  std::string name;
  std::string region_code;  // may be empty
  std::optional<Id> leader_enrollment_id;
  std::int64_t expected_version = 1;
};
Result<TeamView> update_team(storage::Store& store, const Actor& actor, Id programme_id, Id team_id, const TeamChange& change, TimePoint now);
Result<TeamView> create_team(storage::Store& store, const Actor& actor, Id programme_id, const std::string& name, const std::string& region_code,
                             TimePoint now);

}  // namespace diplomado::services
