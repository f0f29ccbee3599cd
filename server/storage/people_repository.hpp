#pragma once
// People, institutions and subdivisions (shared between programmes). One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/correction.hpp"
#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  // Institutions and subdivisions are shared between programmes: found by natural key or added.
  virtual Id find_or_insert_institution(const InstitutionSeed& institution) = 0;
  virtual void find_or_insert_subdivision(const SubdivisionSeed& subdivision) = 0;
  virtual Id insert_person(const ParticipantSeed& person, Id institution_id) = 0;

  // Reference data as the import matches it: institutions in force, a country's subdivisions.
  // The institutions of `country` and the international ones (country '').
  virtual std::vector<InstitutionCandidate> institution_candidates(std::string_view country) = 0;
  virtual std::vector<InstitutionRecord> institutions() = 0;
  virtual std::optional<InstitutionRecord> find_institution(Id institution_id) = 0;
  virtual std::optional<Id> find_institution_by_name(std::string_view name_es) = 0;
  virtual Id insert_institution(const InstitutionRecord& institution) = 0;
  // False when the version is no longer `expected_version`.
  virtual bool update_institution(const InstitutionRecord& institution, std::int64_t expected_version) = 0;
  // Moves every person of `merged` to `kept` and removes `merged`; returns how many people moved.
  virtual std::int64_t merge_institution(Id kept, Id merged) = 0;
  virtual std::vector<SubdivisionCandidate> subdivision_candidates(std::string_view country) = 0;
  // The kinds of a country's subdivisions and how many of each, the most common first.
  virtual std::vector<std::pair<std::string, std::int64_t>> subdivision_kinds(std::string_view country) = 0;
  // Adds a subdivision or replaces its name, kind and aliases (a country's list loaded again).
  // A country's subdivisions as a programme file lists them, by code.
  virtual std::vector<SubdivisionSeed> subdivisions(std::string_view country) = 0;
  virtual void upsert_subdivision(const SubdivisionSeed& subdivision, const std::vector<std::string>& aliases) = 0;
  virtual void set_institution_aliases(Id institution_id, const std::vector<std::string>& aliases) = 0;

  // Every person on file, with whether they are enrolled in the programme.
  virtual void for_each_person(Id programme_id, const std::function<void(ExistingPerson&&)>& visit) = 0;
  virtual Id insert_person(const ImportedPerson& person) = 0;
  // New people, each enrolled in the programme: many rows a statement, so a large import costs
  // few round trips (PostgreSQL) and few statement executions (SQLite). E-mails must be set.
  virtual void insert_and_enrol(Id programme_id, const std::vector<const ImportedPerson*>& people) = 0;
  virtual void update_person(Id person_id, const ImportedPerson& person) = 0;
  virtual Id enrol(Id programme_id, Id person_id) = 0;

  // Ley 81's rectification (migration 0019): requests, newest first.
  virtual Id insert_correction_request(Id programme_id, Id enrollment_id, Id user_id, std::string_view request, std::string_view at) = 0;
  virtual std::vector<CorrectionRequest> correction_requests(Id programme_id) = 0;
  virtual std::vector<CorrectionRequest> correction_requests_of_user(Id user_id) = 0;
  // Resolves an open request of this programme; false when there is none such.
  virtual bool resolve_correction_request(Id programme_id, Id request_id, Id by, std::string_view resolution, std::string_view at) = 0;

  // Ley 81's cancellation (migration 0017). The person enrolled under this enrolment, if it is
  // this programme's.
  virtual std::optional<Id> person_of_enrollment(Id programme_id, Id enrollment_id) = 0;
  // Every programme the person is enrolled in.
  virtual std::vector<Id> programmes_of_person(Id person_id) = 0;
  // Replaces what identifies the person (names by the markers given; e-mail, phone, gender
  // identity, position and consent cleared) and the holder's name on their certificates; keeps
  // sex, institution, level and subdivision for aggregates. The e-mail they had (empty if none),
  // or nothing when the person was already anonymised.
  virtual std::optional<std::string> anonymise_person(Id person_id, std::string_view given_names, std::string_view family_names,
                                                      std::string_view certificate_name, std::string_view at) = 0;
  // People enrolled only in programmes that ended before `before` (ISO date) and are closed, and
  // not anonymised yet.
  virtual std::vector<Id> people_of_programmes_closed_before(std::string_view before) = 0;
};

}  // namespace diplomado::storage
