#pragma once
// Programmes, their modules, enrolments and teams. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

class ProgrammeRepository {
 public:
  virtual ~ProgrammeRepository() = default;
  virtual std::vector<ProgrammeSummary> list() = 0;
  // One page of list()'s order, and how many programmes there are in all.
  virtual std::vector<ProgrammeSummary> list_page(std::int64_t offset, std::int64_t limit) = 0;
  virtual std::int64_t count_programmes() = 0;
  // The same for these programmes only (one indexed read each), in the same order.
  virtual std::vector<ProgrammeSummary> list_of(const std::vector<Id>& programme_ids) = 0;
  virtual std::optional<Programme> find(Id programme_id) = 0;
  virtual std::optional<Id> find_id_by_code(std::string_view code) = 0;
  virtual bool exists(Id programme_id) = 0;
  virtual ProgrammeCounts counts(Id programme_id) = 0;
  virtual Page<ParticipantRow> participants(Id programme_id, const ParticipantFilter& filter, const PageRequest& page) = 0;
  virtual std::vector<ParticipantRecord> participant_records(Id programme_id, const ParticipantFilter& filter) = 0;
  virtual std::optional<ParticipantRecord> participant(Id programme_id, Id enrollment_id) = 0;
  // False when the enrolment's version is no longer `expected_version` (someone changed it).
  virtual bool update_enrollment_status(Id enrollment_id, std::int64_t expected_version, std::string_view status, std::string_view reason) = 0;
  virtual std::vector<TeamView> teams(Id programme_id) = 0;
  // Team edits by hand or by formation. False when the team's version is stale.
  virtual bool update_team(Id team_id, std::string_view name, std::optional<std::string> subdivision_code, std::optional<Id> leader_enrollment_id,
                           std::int64_t expected_version) = 0;
  virtual void set_enrollment_team(Id enrollment_id, std::optional<Id> team_id) = 0;
  virtual std::int64_t team_version(Id team_id) = 0;

  // Programme setup (issue 12). False when the programme's version is stale.
  virtual bool update_programme(const Programme& programme, std::int64_t expected_version) = 0;
  virtual void update_module(Id module_id, const Module& module) = 0;
  virtual void delete_module(Id module_id) = 0;
  // Each module's sessions and assessments together: a module in use is not removed.
  virtual std::vector<std::pair<Id, std::int64_t>> module_usage(Id programme_id) = 0;
  virtual SetupCounts setup_counts(Id programme_id) = 0;

  // Writes used when a programme is loaded from a seed.
  virtual Id insert_programme(const Programme& programme) = 0;
  virtual Id insert_module(Id programme_id, const Module& module) = 0;
  virtual Id insert_team(Id programme_id, const TeamSeed& team) = 0;
  virtual void set_team_leader(Id team_id, Id enrollment_id) = 0;
  virtual Id insert_enrollment(Id programme_id, Id person_id, const ParticipantSeed& participant, std::optional<Id> team_id) = 0;
};

}  // namespace diplomado::storage
