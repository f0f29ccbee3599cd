#include "services/export_programme.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "json/json_writer.hpp"

namespace diplomado::services {
namespace {

// A key made for an id; empty when the id was not exported (a reference the database should not
// hold). The file then names the gap, and `programme import` refuses it by its path, rather than
// the export stopping on an exception.
template <class Map>
std::string key_of(const Map& keys, Id id) {
  const auto found = keys.find(id);
  return found == keys.end() ? std::string() : found->second;
}

template <class Key>
std::string numbered(std::string_view prefix, const std::map<Key, std::string>& keys) {
  return std::string(prefix) + "-" + std::to_string(keys.size() + 1);
}

// The institutions the programme's people and jurors belong to, each with a key: its acronym
// when no other exported institution has the same, else "institution-N" in name order.
std::map<Id, std::string> institution_keys(std::vector<InstitutionRecord>& used) {
  std::ranges::sort(used, [](const InstitutionRecord& a, const InstitutionRecord& b) {
    return std::tie(a.name.es, a.acronym, a.id) < std::tie(b.name.es, b.acronym, b.id);
  });
  std::map<std::string, int> acronyms;
  for (const auto& institution : used)
    if (!institution.acronym.empty()) ++acronyms[institution.acronym];
  std::map<Id, std::string> keys;
  int unnamed = 0;
  for (const auto& institution : used)
    keys[institution.id] = !institution.acronym.empty() && acronyms[institution.acronym] == 1 ? institution.acronym
                                                                                             : "institution-" + std::to_string(++unnamed);
  return keys;
}

void export_setup(storage::UnitOfWork& unit, Id programme_id, ProgrammeSeed& seed, std::map<Id, std::string>& session_keys) {
  auto& teaching = unit.teaching();
  std::map<Id, int> module_positions;
  for (const auto& module : seed.programme.modules) module_positions[module.id] = module.position;
  for (const auto& session : teaching.sessions(programme_id)) {
    const auto key = numbered("session", session_keys);
    session_keys[session.id] = key;
    seed.sessions.push_back({key, module_positions[session.module_id], session.title, session.starts_at, session.ends_at, session.place});
  }
  for (const auto& assessment : teaching.assessments(programme_id)) {
    AssessmentSeed exported = assessment.seed;
    exported.module = assessment.module;
    seed.assessments.push_back(std::move(exported));
  }
  for (const auto& criterion : unit.projects().rubric(programme_id).criteria) {
    RubricCriterionSeed exported{criterion.code, criterion.title, criterion.weight, criterion.scale_min, criterion.scale_max, {}};
    for (const auto& level : criterion.levels) exported.levels.emplace_back(level.level, level.description);
    seed.rubric.push_back(std::move(exported));
  }
  const auto settings = unit.projects().settings(programme_id);
  seed.project_deadline = settings.deadline.value_or("");
  seed.jurors_per_project = settings.jurors_per_project;
  const auto certificates = unit.certificates().settings(programme_id);
  seed.certificate_layout = certificates.layout;
  seed.signatories = certificates.signatories;
  seed.ceremony = unit.closing().ceremony(programme_id);
  seed.survey_questions = unit.closing().questions(programme_id);
}

void export_people(storage::UnitOfWork& unit, Id programme_id, ProgrammeSeed& seed, const std::map<Id, std::string>& session_keys) {
  auto& programmes = unit.programmes();
  const auto records = programmes.participant_records(programme_id, ParticipantFilter{});
  const auto jurors = unit.jury().jurors(programme_id);
  const auto teams = programmes.teams(programme_id);

  // Institutions and subdivisions: only those the exported people and teams name.
  std::set<Id> institution_ids;
  std::set<std::string> subdivision_codes;
  for (const auto& record : records) {
    if (record.row.institution.id) institution_ids.insert(record.row.institution.id);
    if (!record.row.subdivision.code.empty()) subdivision_codes.insert(record.row.subdivision.code);
  }
  for (const auto& juror : jurors)
    if (juror.institution_id) institution_ids.insert(*juror.institution_id);
  for (const auto& team : teams)
    if (!team.region.code.empty()) subdivision_codes.insert(team.region.code);
  for (auto& subdivision : unit.people().subdivisions(seed.programme.country))
    if (subdivision_codes.contains(subdivision.code)) seed.subdivisions.push_back(std::move(subdivision));
  std::vector<InstitutionRecord> used;
  for (const auto id : institution_ids)
    if (auto institution = unit.people().find_institution(id)) used.push_back(std::move(*institution));
  const auto institution_key = institution_keys(used);
  for (const auto& institution : used)
    seed.institutions.push_back({key_of(institution_key, institution.id), institution.name, institution.acronym, institution.sector, institution.level,
                                 institution.valid_from, institution.valid_to,
                                 institution.country.empty() ? "international"
                                 : institution.country == seed.programme.country ? std::string()
                                                                                 : institution.country});

  std::map<Id, std::string> team_keys, enrollment_keys;
  for (const auto& team : teams) team_keys[team.id] = numbered("team", team_keys);
  std::vector<const ParticipantRecord*> people;
  for (const auto& record : records) people.push_back(&record);
  std::ranges::sort(people, {}, [](const ParticipantRecord* record) { return record->row.enrollment_id; });
  for (const auto* record : people) {
    const auto& row = record->row;
    const auto key = numbered("participant", enrollment_keys);
    enrollment_keys[row.enrollment_id] = key;
    seed.participants.push_back({key, row.given_names, row.family_names, row.sex, record->email,
                                 row.institution.id ? key_of(institution_key, row.institution.id) : std::string(), row.position, row.level,
                                 row.subdivision.code, row.status, row.withdrawal_reason, row.team_id ? key_of(team_keys, *row.team_id) : std::string()});
  }
  for (const auto& team : teams)
    seed.teams.push_back({key_of(team_keys, team.id), team.name, team.region.code,
                          team.leader_enrollment_id ? key_of(enrollment_keys, *team.leader_enrollment_id) : std::string()});

  // Grades exactly as stored; attendance as the file writes it: who was late, excused or absent
  // at each session with marks, and which active people have no mark there (everyone else
  // active was present).
  // Each person's grades in the order the assessments are listed (their ids follow the order an
  // import wrote them in, which need not be the list's).
  std::map<Id, std::pair<std::size_t, std::string>> assessments;
  for (const auto& assessment : unit.teaching().assessments(programme_id)) assessments[assessment.id] = {assessments.size(), assessment.seed.code};
  auto grades = unit.teaching().grade_scores(programme_id);
  std::ranges::sort(grades, {}, [&](const auto& grade) { return std::pair(grade.enrollment_id, assessments.at(grade.assessment_id).first); });
  for (const auto& grade : grades)
    seed.grades.push_back({key_of(enrollment_keys, grade.enrollment_id), assessments.at(grade.assessment_id).second, grade.score});
  for (const auto& [session_id, session_key] : session_keys) {
    auto marks = unit.teaching().attendance_of(session_id);
    if (marks.empty()) continue;
    std::ranges::sort(marks);
    AttendanceSeed attendance{session_key, {}, {}, {}, {}, {}};
    std::set<Id> withdrawn;
    for (const auto* record : people)
      if (record->row.status == EnrollmentStatus::withdrawn) withdrawn.insert(record->row.enrollment_id);
    std::set<Id> marked;
    for (const auto& [enrollment, mark] : marks) marked.insert(enrollment);
    for (const auto* record : people)
      if (record->row.status != EnrollmentStatus::withdrawn && !marked.contains(record->row.enrollment_id))
        attendance.unrecorded.push_back(key_of(enrollment_keys, record->row.enrollment_id));
    for (const auto& [enrollment, mark] : marks) {
      const auto& key = key_of(enrollment_keys, enrollment);
      if (mark == Attendance::late) attendance.late.push_back(key);
      else if (mark == Attendance::excused) attendance.excused.push_back(key);
      else if (mark == Attendance::absent) attendance.absent.push_back(key);
      else if (mark == Attendance::present && withdrawn.contains(enrollment)) attendance.present.push_back(key);
    }
    seed.attendance.push_back(std::move(attendance));
  }
  std::ranges::sort(seed.attendance, {}, [&](const AttendanceSeed& entry) {
    return std::ranges::find(seed.sessions, entry.session_key, &SessionSeed::key) - seed.sessions.begin();
  });

  // Projects (the current version), jurors with the teams they declared a conflict with, and
  // the submitted reviews.
  std::map<Id, std::string> project_teams;
  for (const auto& project : unit.projects().projects(programme_id)) {
    project_teams[project.id] = key_of(team_keys, project.team_id);
    const auto& content = project.content;
    seed.projects.push_back({key_of(team_keys, project.team_id), content.title, content.problem, content.objectives, content.target_population,
                             content.human_rights, content.expected_results, content.gcm_objectives});
  }
  std::ranges::sort(seed.projects, {}, [&](const ProjectSeed& project) {
    return std::ranges::find(seed.teams, project.team_key, &TeamSeed::key) - seed.teams.begin();
  });
  std::map<Id, std::string> juror_keys;
  for (const auto& juror : jurors) {
    const auto key = numbered("juror", juror_keys);
    juror_keys[juror.user_id] = key;
    JurorSeed exported{key, juror.email, juror.display_name, juror.institution_id ? key_of(institution_key, *juror.institution_id) : std::string(), {}};
    for (const auto team : juror.declared_teams) exported.conflict_teams.push_back(key_of(team_keys, team));
    seed.jurors.push_back(std::move(exported));
  }
  std::map<Id, std::string> criterion_codes;
  for (const auto& criterion : unit.projects().rubric(programme_id).criteria) criterion_codes[criterion.id] = criterion.code;
  std::map<std::pair<Id, Id>, ReviewSeed> reviews;
  for (const auto& review : unit.jury().reviews(programme_id))
    if (review.submitted_at && juror_keys.contains(review.user_id))
      reviews[{review.project_id, review.user_id}] = {key_of(project_teams, review.project_id), key_of(juror_keys, review.user_id), {}, {}};
  for (const auto& score : unit.jury().submitted_scores(programme_id)) {
    const auto found = reviews.find({score.project_id, score.user_id});
    if (found == reviews.end()) continue;
    const auto& code = key_of(criterion_codes, score.criterion_id);
    found->second.levels.emplace_back(code, score.level);
    if (!score.comment.empty()) found->second.comments.emplace_back(code, score.comment);
  }
  for (auto& [ids, review] : reviews) seed.reviews.push_back(std::move(review));
  std::ranges::stable_sort(seed.reviews, {}, [&](const ReviewSeed& review) {
    return std::pair(std::ranges::find(seed.teams, review.team_key, &TeamSeed::key) - seed.teams.begin(),
                     std::ranges::find(seed.jurors, review.juror_key, &JurorSeed::key) - seed.jurors.begin());
  });
  seed.guests = unit.closing().guests(programme_id);
}

}  // namespace

Result<ProgrammeSeed> export_programme(storage::Store& store, Id programme_id, const ExportOptions& options, TimePoint now) {
  auto unit = store.begin(options.people ? storage::TransactionMode::read_write : storage::TransactionMode::read_only);
  auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(make_error(ErrorCode::not_found, "error.programme.not_found"));
  ProgrammeSeed seed;
  seed.programme = std::move(*programme);
  std::map<Id, std::string> session_keys;
  export_setup(*unit, programme_id, seed, session_keys);
  if (options.people) {
    export_people(*unit, programme_id, seed, session_keys);
    unit->audit().append({std::nullopt, "programme.export", "programme", programme_id,
                          json_object("participants", seed.participants.size(), "jurors", seed.jurors.size())},
                         format_iso8601(now));
    unit->commit();
  }
  return seed;
}

}  // namespace diplomado::services
