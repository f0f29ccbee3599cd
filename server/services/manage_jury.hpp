#pragma once
// The jury (issue 4): the coordinator adds jurors (users with the juror role), declares
// conflicts, assigns N jurors per project automatically, and follows the reviews' progress.
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {


struct NewJuror {
  std::string email;
  std::string display_name;
  std::optional<Id> institution_id;
};

struct AddedJuror {
  JurorRecord juror;
};

Result<std::vector<JurorRecord>> list_jurors(storage::Store& store, const Actor& actor, Id programme_id);
// Issue 15: the same answer whether or not the e-mail has an account (the name is always asked,
// no password is ever shown); the account's owner gets a mail with a link to choose a password,
// so no role is given silently.
Result<AddedJuror> add_juror(storage::Store& store, const Actor& actor, Id programme_id, const NewJuror& juror, const std::string& public_url,
                             TimePoint now);

struct NewConflict {
  Id user_id = 0;
  std::optional<Id> team_id;
  std::optional<Id> institution_id;
  std::string reason;
};
// Declares a conflict and withdraws any unsubmitted assignment it now forbids.
Result<JurorRecord> declare_conflict(storage::Store& store, const Actor& actor, Id programme_id, const NewConflict& conflict, TimePoint now);

struct AssignmentOutcome {
  std::int64_t added = 0;
  struct Shortfall {
    Id project_id = 0;
    std::string team_name;
    std::int64_t eligible = 0;
  };
  std::vector<Shortfall> short_of_jurors;
  int per_project = 0;
};
// Tops every project up to the programme's jurors per project (domain/jury assign_jurors).
Result<AssignmentOutcome> assign_jurors(storage::Store& store, const Actor& actor, Id programme_id, TimePoint now);

struct JuryProgress {
  struct ProjectRow {
    Id project_id = 0;
    std::string team_name;
    std::int64_t assigned = 0;
    std::int64_t submitted = 0;
  };
  struct JurorRow {
    Id user_id = 0;
    std::string display_name;
    std::string institution_acronym;
    std::int64_t assigned = 0;
    std::int64_t submitted = 0;
  };
  std::vector<ProjectRow> projects;
  std::vector<JurorRow> jurors;
  std::int64_t reviews_done = 0;
  std::int64_t reviews_missing = 0;
};
Result<JuryProgress> get_jury_progress(storage::Store& store, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
