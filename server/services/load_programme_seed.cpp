#include "services/load_programme_seed.hpp"
#include "json/json_writer.hpp"

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
      if (participant.status != EnrollmentStatus::withdrawn) marks[participant.key] = Attendance::present;
    for (const auto& key : attendance.present) marks[key] = Attendance::present;
    for (const auto& key : attendance.late) marks[key] = Attendance::late;
    for (const auto& key : attendance.excused) marks[key] = Attendance::excused;
    for (const auto& key : attendance.absent) marks[key] = Attendance::absent;
    for (const auto& key : attendance.unrecorded) marks.erase(key);
    for (const auto& [key, mark] : marks) teaching.insert_attendance(session_ids.at(attendance.session_key), enrollment_ids.at(key), mark);
  }
}

// The rubric, projects, jurors (without a password: see JurorSeed), their conflicts and reviews.
static void write_projects(storage::UnitOfWork& unit, Id programme_id, const ProgrammeSeed& seed, const std::map<std::string, Id>& team_ids,
                           const std::map<std::string, Id>& institution_ids, const std::string& at) {
  std::vector<RubricCriterionRecord> criteria;
  for (const auto& criterion : seed.rubric) {
    RubricCriterionRecord record{0, criterion.code, criterion.title, criterion.weight, criterion.scale_min, criterion.scale_max, {}};
    for (const auto& [level, description] : criterion.levels) record.levels.push_back({level, description});
    criteria.push_back(std::move(record));
  }
  if (!criteria.empty()) unit.projects().replace_rubric(programme_id, criteria);
  ProjectSettings settings;
  if (!seed.project_deadline.empty()) settings.deadline = seed.project_deadline;
  settings.jurors_per_project = seed.jurors_per_project;
  unit.projects().set_settings(programme_id, settings);

  std::map<std::string, Id> project_ids, user_ids;
  for (const auto& project : seed.projects) {
    const Id id = unit.projects().insert_project(team_ids.at(project.team_key));
    unit.projects().add_project_version(id, 1,
                                        {project.title, project.problem, project.objectives, project.target_population, project.human_rights,
                                         project.expected_results, project.gcm_objectives},
                                        at, std::nullopt);
    project_ids[project.team_key] = id;
  }
  for (const auto& juror : seed.jurors) {
    const Id user = unit.users().insert({juror.email, juror.display_name, "!", at});  // "!" matches no password
    unit.users().add_grant(user, {Role::juror, programme_id});
    std::optional<Id> institution;
    if (!juror.institution_key.empty()) institution = institution_ids.at(juror.institution_key);
    unit.jury().upsert_juror(programme_id, user, institution);
    for (const auto& team : juror.conflict_teams) unit.jury().insert_conflict(programme_id, user, team_ids.at(team), std::nullopt, "demo");
    user_ids[juror.key] = user;
  }
  const auto rubric = unit.projects().rubric(programme_id);
  for (const auto& review : seed.reviews) {
    const Id project = project_ids.at(review.team_key), user = user_ids.at(review.juror_key);
    unit.jury().insert_review(project, user, at);
    std::vector<storage::ReviewScoreRecord> scores;
    for (const auto& criterion : rubric.criteria) {
      storage::ReviewScoreRecord score{project, user, criterion.id, 0, {}};
      for (const auto& [code, level] : review.levels)
        if (code == criterion.code) score.level = level;
      for (const auto& [code, comment] : review.comments)
        if (code == criterion.code) score.comment = comment;
      scores.push_back(std::move(score));
    }
    unit.jury().submit_review(project, user, scores, at, 1);
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
  for (auto institution : seed.institutions) {
    if (institution.country.empty()) institution.country = seed.programme.country;  // a file's institutions are the programme's country's
    institution_ids[institution.key] = people.find_or_insert_institution(institution);
  }

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
  write_projects(*unit, programme_id, seed, team_ids, institution_ids, format_iso8601(now));
  unit->certificates().save_settings(programme_id, seed.certificate_layout, seed.signatories);
  if (!seed.ceremony.starts_at.empty() || !seed.ceremony.venue.empty() || !seed.ceremony.run_of_show.empty())
    unit->closing().save_ceremony(programme_id, seed.ceremony, 0);
  for (const auto& guest : seed.guests)
    if (!unit->closing().insert_guest(programme_id, guest))
      return std::unexpected(field_error("ceremony.guests", "duplicate", "error.ceremony.duplicate_guest", guest.name));
  if (!seed.survey_questions.empty()) unit->closing().replace_questions(programme_id, seed.survey_questions);

  unit->audit().append({std::nullopt, "programme.load", "programme", programme_id,
                        json_object("participants", seed.participants.size(), "teams", seed.teams.size())},
                       format_iso8601(now));
  unit->commit();
  return SeedLoaded{programme_id, true, seed.participants.size(), seed.teams.size()};
}

}  // namespace diplomado::services
