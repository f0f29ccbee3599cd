#include "services/load_programme_seed.hpp"

#include <map>

namespace diplomado::services {

static Result<SeedLoaded> write_seed(storage::Store& store, const ProgrammeSeed& seed, TimePoint now);

// Sessions, assessments, grades and attendance (quick entry: present unless listed; withdrawn
// people get no marks).
static void write_teaching(storage::UnitOfWork& unit, const ProgrammeSeed& seed, const std::vector<Id>& module_ids,
                           const std::map<std::string, Id>& enrollment_ids, const std::string& at) {
  auto& teaching = unit.teaching();
  const auto programme_id = unit.programmes().find_id_by_code(seed.programme.code).value();
  std::map<std::string, Id> session_ids, assessment_ids;
  for (const auto& session : seed.sessions)
    session_ids[session.key] = teaching.insert_session(module_ids.at(static_cast<std::size_t>(session.module - 1)), session);
  for (const auto& assessment : seed.assessments) {
    std::optional<Id> module;
    if (assessment.module) module = module_ids.at(static_cast<std::size_t>(*assessment.module - 1));
    assessment_ids[assessment.code] = teaching.insert_assessment(programme_id, module, assessment);
  }
  for (const auto& grade : seed.grades)
    teaching.insert_grade(enrollment_ids.at(grade.participant_key), assessment_ids.at(grade.assessment_code), grade.score, at, std::nullopt);
  for (const auto& attendance : seed.attendance) {
    std::map<std::string, Attendance> marks;
    for (const auto& participant : seed.participants)
      if (participant.status != "withdrawn") marks[participant.key] = Attendance::present;
    for (const auto& key : attendance.late) marks[key] = Attendance::late;
    for (const auto& key : attendance.excused) marks[key] = Attendance::excused;
    for (const auto& key : attendance.absent) marks[key] = Attendance::absent;
    for (const auto& [key, mark] : marks) teaching.insert_attendance(session_ids.at(attendance.session_key), enrollment_ids.at(key), mark);
  }
}

Result<SeedLoaded> load_programme_seed(storage::Store& store, const ProgrammeSeed& seed, TimePoint now) {
  if (auto checked = check_programme_seed(seed); !checked) return std::unexpected(checked.error());

  try {
    return write_seed(store, seed, now);
  } catch (const std::exception& failure) {
    // The database refused a row (a person's e-mail already on file, say). The unit of work
    // rolled back, so nothing of the programme was kept.
    Error error = make_error(ErrorCode::conflict, "error.seed.storage");
    error.details.push_back({"file", std::nullopt, "storage_refused", "error.seed.storage", failure.what()});
    return std::unexpected(error);
  }
}

static Result<SeedLoaded> write_seed(storage::Store& store, const ProgrammeSeed& seed, TimePoint now) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (auto existing = unit->programmes().find_id_by_code(seed.programme.code)) return SeedLoaded{*existing, false, 0, 0};

  auto& people = unit->people();
  auto& programmes = unit->programmes();
  for (const auto& subdivision : seed.subdivisions) people.find_or_insert_subdivision(subdivision);
  std::map<std::string, Id> institution_ids;
  for (const auto& institution : seed.institutions) institution_ids[institution.key] = people.find_or_insert_institution(institution);

  const auto programme_id = programmes.insert_programme(seed.programme);
  std::vector<Id> module_ids;
  for (const auto& module : seed.programme.modules) module_ids.push_back(programmes.insert_module(programme_id, module));
  std::map<std::string, Id> team_ids;
  for (const auto& team : seed.teams) team_ids[team.key] = programmes.insert_team(programme_id, team);

  std::map<std::string, Id> enrollment_ids;
  for (const auto& participant : seed.participants) {
    const auto person_id = people.insert_person(participant, institution_ids.at(participant.institution_key));
    std::optional<Id> team_id;
    if (!participant.team_key.empty()) team_id = team_ids.at(participant.team_key);
    enrollment_ids[participant.key] = programmes.insert_enrollment(programme_id, person_id, participant, team_id);
  }
  for (const auto& team : seed.teams)
    if (!team.leader_key.empty()) programmes.set_team_leader(team_ids.at(team.key), enrollment_ids.at(team.leader_key));
  write_teaching(*unit, seed, module_ids, enrollment_ids, format_iso8601(now));

  unit->audit().append({std::nullopt, "programme.load", "programme", programme_id,
                        R"({"participants":)" + std::to_string(seed.participants.size()) + R"(,"teams":)" + std::to_string(seed.teams.size()) + "}"},
                       format_iso8601(now));
  unit->commit();
  return SeedLoaded{programme_id, true, seed.participants.size(), seed.teams.size()};
}

}  // namespace diplomado::services
