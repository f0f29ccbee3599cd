#include "domain/programme_seed.hpp"


#include <algorithm>
#include <map>
#include <set>

#include "domain/validation.hpp"

namespace diplomado {
namespace {
FieldError seed_problem(std::string field, long row, std::string code, std::string value) {
  return FieldError{std::move(field), row, std::move(code), "error.seed." + code, std::move(value)};
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
    else if (person->second->status == "withdrawn") error.details.push_back(seed_problem("grades.participant", row, "not_active", grade.participant_key));
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
    for (const auto* list : {&attendance.late, &attendance.excused, &attendance.absent})
      for (const auto& key : *list)
        if (!people.contains(key)) error.details.push_back(seed_problem("attendance.participant", row, "unknown_participant", key));
  }
}

}  // namespace

Result<void> check_programme_seed(const ProgrammeSeed& seed) {
  Error error{ErrorCode::invalid_input, "error.invalid_input", {}, std::nullopt};
  if (seed.programme.code.empty()) error.details.push_back(seed_problem("programme.code", 0, "required", ""));
  if (seed.programme.title.es.empty() || seed.programme.title.en.empty())
    error.details.push_back(seed_problem("programme.title", 0, "required", ""));

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
    const auto status = parse_enrollment_status(participant.status);
    if (!status) error.details.push_back(seed_problem("participants.status", row, "unknown_status", participant.status));
    if (status == EnrollmentStatus::withdrawn && participant.withdrawal_reason.empty())
      error.details.push_back(seed_problem("participants.withdrawal_reason", row, "required", participant.key));
  }
  row = 0;
  for (const auto& team : seed.teams) {
    ++row;
    if (team.leader_key.empty()) continue;
    const auto leader = std::ranges::find(seed.participants, team.leader_key, &ParticipantSeed::key);
    if (leader == seed.participants.end() || leader->team_key != team.key)
      error.details.push_back(seed_problem("teams.leader", row, "leader_not_member", team.leader_key));
  }
  check_teaching(seed, error);
  if (!error.details.empty()) return std::unexpected(std::move(error));
  return {};
}

}  // namespace diplomado
