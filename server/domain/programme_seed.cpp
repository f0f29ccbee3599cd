#include "domain/ranking.hpp"
#include <map>
#include "domain/programme_seed.hpp"


#include <algorithm>
#include <map>
#include <set>

#include "domain/programme_rules.hpp"
#include "domain/validation.hpp"

namespace diplomado {
namespace {
// Named by its JSON path in the file: ("participants.key", 3) is "participants[2].key".
FieldError seed_problem(std::string field, long row, std::string code, std::string value) {
  if (row > 0) {
    const auto dot = field.find('.');
    const auto index = "[" + std::to_string(row - 1) + "]";
    field = dot == std::string::npos ? field + index : field.substr(0, dot) + index + field.substr(dot);
  }
  std::string key = "error.seed." + code;  // before `code` is moved into the error
  return FieldError{std::move(field), std::nullopt, std::move(code), std::move(key), std::move(value)};
}
// A problem a domain check found inside one entry, kept with its own message.
FieldError nested_problem(const std::string& section, long row, const FieldError& problem) {
  FieldError named = seed_problem(section + "." + problem.field, row, problem.code, problem.value);
  named.message_key = problem.message_key;
  return named;
}
// Sessions, assessments, grades and attendance refer to modules by position and to people,
// sessions and assessments by key; every reference must resolve, and every score fit.
void check_teaching(const ProgrammeSeed& seed, Error& error) {
  const auto module_count = static_cast<int>(seed.programme.modules.size());
  if (auto policy = check_grading_policy(seed.programme.grading); !policy.empty())
    for (auto& problem : policy) error.details.push_back(std::move(problem));
  std::set<std::string> sessions;
  long row = 0;
  for (const auto& session : seed.sessions) {
    ++row;
    if (!sessions.insert(session.key).second) error.details.push_back(seed_problem("sessions.key", row, "duplicate", session.key));
    if (session.module < 1 || session.module > module_count)
      error.details.push_back(seed_problem("sessions.module", row, "unknown_module", std::to_string(session.module)));
  }
  std::map<std::string, const AssessmentSeed*> assessments;
  std::vector<GradedModule> modules(static_cast<std::size_t>(module_count), GradedModule{});
  for (std::size_t m = 0; m < modules.size(); ++m) modules[m].weight = seed.programme.modules[m].weight;
  std::vector<GradedAssessment> graded;
  row = 0;
  for (const auto& assessment : seed.assessments) {
    ++row;
    if (!assessments.emplace(assessment.code, &assessment).second)
      error.details.push_back(seed_problem("assessments.code", row, "duplicate", assessment.code));
    const auto kind = parse_assessment_kind(assessment.kind);
    if (!kind) error.details.push_back(seed_problem("assessments.kind", row, "unknown_kind", assessment.kind));
    if (assessment.module && (*assessment.module < 1 || *assessment.module > module_count)) {
      error.details.push_back(seed_problem("assessments.module", row, "unknown_module", std::to_string(*assessment.module)));
      continue;
    }
    graded.push_back({assessment.module ? std::optional<std::size_t>(*assessment.module - 1) : std::nullopt, kind.value_or(AssessmentKind::quiz),
                      assessment.max_score, assessment.weight});
  }
  if (!seed.assessments.empty())
    for (auto& problem : check_structure(modules, graded)) error.details.push_back(std::move(problem));

  std::map<std::string, const ParticipantSeed*> people;
  for (const auto& participant : seed.participants) people.emplace(participant.key, &participant);
  row = 0;
  for (const auto& grade : seed.grades) {
    ++row;
    const auto person = people.find(grade.participant_key);
    if (person == people.end()) error.details.push_back(seed_problem("grades.participant", row, "unknown_participant", grade.participant_key));
    else if (person->second->status == EnrollmentStatus::withdrawn) error.details.push_back(seed_problem("grades.participant", row, "not_active", grade.participant_key));
    const auto assessment = assessments.find(grade.assessment_code);
    if (assessment == assessments.end())
      error.details.push_back(seed_problem("grades.assessment", row, "unknown_assessment", grade.assessment_code));
    else if (check_score(grade.score, assessment->second->max_score))
      error.details.push_back(seed_problem("grades.score", row, "invalid_score", std::to_string(grade.score)));
  }
  row = 0;
  for (const auto& attendance : seed.attendance) {
    ++row;
    if (!sessions.contains(attendance.session_key))
      error.details.push_back(seed_problem("attendance.session", row, "unknown_session", attendance.session_key));
    for (const auto* list : {&attendance.late, &attendance.excused, &attendance.absent, &attendance.unrecorded, &attendance.present})
      for (const auto& key : *list)
        if (!people.contains(key)) error.details.push_back(seed_problem("attendance.participant", row, "unknown_participant", key));
  }
}

// The rubric must hold (domain/ranking check_rubric), each project names a team once, each review
// an existing project and juror with every criterion on its scale, and no review comes from a
// juror in conflict: a demo must obey the rules the application enforces.
void check_projects(const ProgrammeSeed& seed, const std::set<std::string>& teams, const std::set<std::string>& institutions, Error& error) {
  std::vector<CriterionScale> scales;
  std::vector<std::string> codes;
  for (const auto& criterion : seed.rubric) {
    scales.push_back({criterion.weight, criterion.scale_min, criterion.scale_max});
    codes.push_back(criterion.code);
  }
  if (!seed.rubric.empty())
    for (auto& problem : check_rubric(scales, codes)) error.details.push_back(nested_problem("rubric", 0, problem));
  std::set<std::string> projects, jurors;
  long row = 0;
  for (const auto& project : seed.projects) {
    ++row;
    if (!teams.contains(project.team_key)) error.details.push_back(seed_problem("projects.team", row, "unknown_team", project.team_key));
    if (!projects.insert(project.team_key).second) error.details.push_back(seed_problem("projects.team", row, "duplicate", project.team_key));
    for (int objective : project.gcm_objectives)
      if (objective < 1 || objective > 23) error.details.push_back(seed_problem("projects.gcm_objectives", row, "unknown_objective", std::to_string(objective)));
  }
  row = 0;
  for (const auto& juror : seed.jurors) {
    ++row;
    if (!jurors.insert(juror.key).second) error.details.push_back(seed_problem("jurors.key", row, "duplicate", juror.key));
    if (!is_valid_email(juror.email)) error.details.push_back(seed_problem("jurors.email", row, "invalid_email", juror.email));
    if (!juror.institution_key.empty() && !institutions.contains(juror.institution_key))
      error.details.push_back(seed_problem("jurors.institution", row, "unknown_institution", juror.institution_key));
  }
  row = 0;
  std::set<std::pair<std::string, std::string>> reviewed;
  // Each team's members, once: a review's conflicts are looked for among its team only.
  std::map<std::string_view, std::vector<const ParticipantSeed*>> members_of;
  for (const auto& participant : seed.participants) members_of[participant.team_key].push_back(&participant);
  const std::vector<const ParticipantSeed*> nobody;
  for (const auto& review : seed.reviews) {
    ++row;
    if (!projects.contains(review.team_key)) error.details.push_back(seed_problem("reviews.team", row, "unknown_project", review.team_key));
    const auto juror = std::ranges::find(seed.jurors, review.juror_key, &JurorSeed::key);
    if (juror == seed.jurors.end()) {
      error.details.push_back(seed_problem("reviews.juror", row, "unknown_juror", review.juror_key));
      continue;
    }
    if (!reviewed.insert({review.team_key, review.juror_key}).second)
      error.details.push_back(seed_problem("reviews.juror", row, "duplicate", review.juror_key));
    bool conflicted = std::ranges::find(juror->conflict_teams, review.team_key) != juror->conflict_teams.end();
    const auto members = members_of.find(review.team_key);
    for (const auto* participant : members == members_of.end() ? nobody : members->second)
      if (participant->status != EnrollmentStatus::withdrawn &&
          ((!juror->institution_key.empty() && participant->institution_key == juror->institution_key) ||
           (!participant->email.empty() && normalise_email(participant->email) == normalise_email(juror->email))))
        conflicted = true;
    if (conflicted) error.details.push_back(seed_problem("reviews.juror", row, "conflict", review.juror_key));
    std::map<std::string, double> levels(review.levels.begin(), review.levels.end());
    for (auto& problem : check_review(scales, codes, levels)) error.details.push_back(nested_problem("reviews", row, problem));
  }
}

}  // namespace

Result<void> check_programme_seed(const ProgrammeSeed& seed) {
  Error error{ErrorCode::invalid_input, "error.invalid_input", {}, std::nullopt};
  for (auto& problem : check_programme(seed.programme)) {
    problem.field = "programme." + problem.field;
    error.details.push_back(std::move(problem));
  }

  std::set<std::string> subdivisions, institutions, teams, people, emails;
  for (const auto& subdivision : seed.subdivisions) subdivisions.insert(subdivision.code);
  for (const auto& institution : seed.institutions) institutions.insert(institution.key);
  for (const auto& team : seed.teams) teams.insert(team.key);

  long row = 0;
  for (const auto& participant : seed.participants) {
    ++row;
    if (!people.insert(participant.key).second) error.details.push_back(seed_problem("participants.key", row, "duplicate", participant.key));
    if (!institutions.contains(participant.institution_key))
      error.details.push_back(seed_problem("participants.institution", row, "unknown_institution", participant.institution_key));
    if (!participant.subdivision_code.empty() && !subdivisions.contains(participant.subdivision_code))
      error.details.push_back(seed_problem("participants.subdivision", row, "unknown_subdivision", participant.subdivision_code));
    if (!participant.team_key.empty() && !teams.contains(participant.team_key))
      error.details.push_back(seed_problem("participants.team", row, "unknown_team", participant.team_key));
    if (!parse_level(participant.level)) error.details.push_back(seed_problem("participants.level", row, "unknown_level", participant.level));
    if (!parse_sex(participant.sex)) error.details.push_back(seed_problem("participants.sex", row, "unknown_sex", participant.sex));
    if (!participant.email.empty() && !is_valid_email(participant.email))
      error.details.push_back(seed_problem("participants.email", row, "invalid_email", participant.email));
    else if (!participant.email.empty() && !emails.insert(normalise_email(participant.email)).second)
      error.details.push_back(seed_problem("participants.email", row, "duplicate", participant.email));
    // The status is an enumeration: a file's unknown status is refused where it is read.
    if (participant.status == EnrollmentStatus::withdrawn && participant.withdrawal_reason.empty())
      error.details.push_back(seed_problem("participants.withdrawal_reason", row, "required", participant.key));
  }
  row = 0;
  // Each participant's team, by key: a programme of 100,000 people has thousands of teams.
  std::map<std::string_view, std::string_view> team_of;
  for (const auto& participant : seed.participants) team_of.emplace(participant.key, participant.team_key);
  for (const auto& team : seed.teams) {
    ++row;
    if (team.leader_key.empty()) continue;
    const auto leader = team_of.find(team.leader_key);
    if (leader == team_of.end() || leader->second != team.key)
      error.details.push_back(seed_problem("teams.leader", row, "leader_not_member", team.leader_key));
  }
  check_teaching(seed, error);
  check_projects(seed, teams, institutions, error);
  if (!error.details.empty()) return std::unexpected(std::move(error));
  return {};
}

}  // namespace diplomado
