#pragma once
// Opening a course (issue 12): the site coordinator creates a programme, names its coordinators
// and clones an edition; a programme's coordinators edit it until it is closed. Every programme
// is checked by domain/programme_rules, so the API, the CLI and the programme file agree.
#include <optional>
#include <string>
#include <vector>

#include "domain/programme_rules.hpp"
#include "domain/time.hpp"
#include "services/load_reference.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// A module as a form sends it: with the id of the module it edits, or none for a new one.
struct ModuleInput {
  std::optional<Id> id;
  Module module;
};

struct CoordinatorInput {
  std::string email;
  std::string display_name;  // needed only for someone without an account
};

struct NewProgramme {
  Programme programme;  // modules in order; status draft unless said
  std::vector<CoordinatorInput> coordinators;
  // The country's subdivisions from reference data (iso-codes), written when the site has none
  // for the country yet; the adapter reads them, the use case decides.
  std::vector<ReferenceSubdivision> reference_subdivisions;
};

// An edit: what is present replaces what is on file; the modules, when sent, are the whole list
// in order (a module left out is removed, refused while it has sessions or assessments).
struct ProgrammeChanges {
  std::optional<std::string> code;
  std::optional<LocalizedText> title;
  std::optional<LocalizedText> description;
  std::optional<std::string> country;
  std::optional<std::string> time_zone;
  std::optional<std::string> locale;
  std::optional<std::string> start_date;
  std::optional<std::string> end_date;
  std::optional<std::string> modality;
  std::optional<ProgrammeStatus> status;
  std::optional<std::vector<int>> sdgs;
  std::optional<std::vector<Organisation>> organisations;
  std::optional<std::vector<ModuleInput>> modules;
  std::vector<ReferenceSubdivision> reference_subdivisions;  // of a new country, as for NewProgramme
};

struct NamedCoordinator {
  Id user_id = 0;
  std::string email;
  std::string display_name;
  std::string initial_password;  // only for an account created now; shown once
};

struct CreatedProgramme {
  Programme programme;
  std::vector<NamedCoordinator> coordinators;
};

Result<CreatedProgramme> create_programme(storage::Store& store, const std::optional<Actor>& actor, const NewProgramme& request, TimePoint now);

Result<Programme> update_programme(storage::Store& store, const Actor& actor, Id programme_id, const ProgrammeChanges& changes,
                                   std::int64_t expected_version, TimePoint now);

struct CloneRequest {
  std::string code;
  std::string start_date;
  std::optional<LocalizedText> title;
};

// A new edition as a draft: the modules, assessments, grading policy, rubric, project settings and
// sessions, every date moved by the distance between the two start dates. No people are copied.
Result<Programme> clone_programme(storage::Store& store, const std::optional<Actor>& actor, Id from_programme_id, const CloneRequest& request,
                                  TimePoint now);

Result<std::vector<NamedCoordinator>> list_coordinators(storage::Store& store, const Actor& actor, Id programme_id);
Result<NamedCoordinator> name_coordinator(storage::Store& store, const Actor& actor, Id programme_id, const CoordinatorInput& coordinator,
                                          TimePoint now);

// What a new programme still lacks, in the order a coordinator sets a course up.
struct SetupItem {
  std::string key;  // modules, sessions, assessments, participants, teams, rubric, jurors, coordinators, signatories
  bool done = false;
  std::int64_t count = 0;
};
struct SetupChecklist {
  std::vector<SetupItem> items;
  bool complete = false;
};
Result<SetupChecklist> setup_checklist(storage::Store& store, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
