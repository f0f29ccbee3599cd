#pragma once
// The jury (issue 4): who may score which project, and an assignment of N jurors per project
// that balances the load and never gives a juror a project they are in conflict with.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/programme.hpp"

namespace diplomado {

// Why a juror may not score a project, in the order they are checked.
enum class ConflictReason { team_member, same_institution, declared_team, declared_institution };
std::string_view to_string(ConflictReason reason);

struct JuryProject {
  Id team_id = 0;
  std::vector<std::string> member_emails;  // normalised; a juror who is a member is in conflict
  std::vector<Id> member_institutions;
};

struct JurorProfile {
  std::string email;  // normalised
  std::optional<Id> institution_id;
  std::vector<Id> declared_teams;         // conflicts the coordinator declared
  std::vector<Id> declared_institutions;
};

std::optional<ConflictReason> conflict_between(const JurorProfile& juror, const JuryProject& project);

struct JuryAssignment {
  std::size_t project = 0;
  std::size_t juror = 0;
};

struct AssignmentPlan {
  std::vector<JuryAssignment> added;  // the new assignments, in order
  struct Shortfall {
    std::size_t project = 0;
    std::size_t eligible = 0;  // jurors without a conflict
  };
  std::vector<Shortfall> short_of_jurors;  // projects that cannot get N jurors
  std::vector<std::size_t> load;           // assignments per juror afterwards
};

// Tops every project up to `per_project` jurors, keeping the assignments already made (a review
// may have begun). Projects with the fewest eligible jurors are served first; each takes the
// eligible jurors with the lightest load (ties: lowest index), so loads differ by at most one
// whenever conflicts allow. Deterministic.
AssignmentPlan assign_jurors(const std::vector<JuryProject>& projects, const std::vector<JurorProfile>& jurors,
                             const std::vector<JuryAssignment>& existing, std::size_t per_project);

}  // namespace diplomado
