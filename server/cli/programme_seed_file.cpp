#include "cli/programme_seed_file.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace diplomado::cli {
namespace {

using nlohmann::json;

std::string text(const json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return {};
  return found->get<std::string>();
}

LocalizedText localized(const json& object, const char* name) {
  const auto& value = object.at(name);
  return LocalizedText{value.at("es").get<std::string>(), value.at("en").get<std::string>()};
}

ProgrammeSeed parse(const json& document) {
  ProgrammeSeed seed;
  const auto& programme = document.at("programme");
  seed.programme.code = programme.at("code").get<std::string>();
  seed.programme.title = localized(programme, "title");
  if (programme.contains("description")) seed.programme.description = localized(programme, "description");
  seed.programme.country = programme.at("country").get<std::string>();
  seed.programme.time_zone = programme.at("time_zone").get<std::string>();
  seed.programme.start_date = text(programme, "start_date");
  seed.programme.end_date = text(programme, "end_date");
  seed.programme.modality = programme.value("modality", "in_person");
  seed.programme.sdgs = programme.value("sdgs", std::vector<int>{});
  for (const auto& organisation : programme.value("organisations", json::array()))
    seed.programme.organisations.push_back({organisation.at("role").get<std::string>(), localized(organisation, "name"), text(organisation, "acronym")});
  int position = 0;
  for (const auto& module : programme.at("modules")) {
    Module value;
    value.position = ++position;
    value.title = localized(module, "title");
    value.hours = module.value("hours", 0.0);
    value.pass_mark = module.value("pass_mark", 0.0);
    value.weight = module.value("weight", 0.0);
    value.illustrative = module.value("illustrative", false);
    seed.programme.modules.push_back(value);
  }
  for (const auto& subdivision : document.value("subdivisions", json::array()))
    seed.subdivisions.push_back({subdivision.at("code").get<std::string>(), subdivision.at("country").get<std::string>(),
                                 subdivision.at("name").get<std::string>(), subdivision.at("kind").get<std::string>()});
  for (const auto& institution : document.at("institutions"))
    seed.institutions.push_back({institution.at("key").get<std::string>(), localized(institution, "name"), text(institution, "acronym"),
                                 text(institution, "sector"), institution.value("level", "national"), text(institution, "valid_from"),
                                 text(institution, "valid_to")});
  for (const auto& team : document.value("teams", json::array()))
    seed.teams.push_back({team.at("key").get<std::string>(), team.at("name").get<std::string>(), text(team, "subdivision"), text(team, "leader")});
  for (const auto& participant : document.at("participants")) {
    ParticipantSeed value;
    value.key = participant.at("key").get<std::string>();
    value.given_names = participant.at("given_names").get<std::string>();
    value.family_names = participant.at("family_names").get<std::string>();
    value.sex = participant.value("sex", "undisclosed");
    value.email = text(participant, "email");
    value.institution_key = participant.at("institution").get<std::string>();
    value.position = text(participant, "position");
    value.level = participant.at("level").get<std::string>();
    value.subdivision_code = text(participant, "subdivision");
    value.status = participant.value("status", "enrolled");
    value.withdrawal_reason = text(participant, "withdrawal_reason");
    value.team_key = text(participant, "team");
    seed.participants.push_back(std::move(value));
  }
  if (const auto grading = document.find("grading"); grading != document.end()) {
    auto& policy = seed.programme.grading;
    policy.module_pass_mark = grading->value("module_pass_mark", policy.module_pass_mark);
    policy.rounding_decimals = grading->value("rounding_decimals", policy.rounding_decimals);
    policy.attendance_threshold = grading->value("attendance_threshold", policy.attendance_threshold);
    // An unknown policy name fails here, naming the member, rather than passing as a default.
    if (grading->contains("missing_grade"))
      policy.missing_grade = parse_missing_grade(grading->at("missing_grade").get<std::string>()).value();
    if (grading->contains("excused_absence"))
      policy.excused = parse_excused_absence(grading->at("excused_absence").get<std::string>()).value();
  }
  for (const auto& session : document.value("sessions", json::array()))
    seed.sessions.push_back({session.at("key").get<std::string>(), session.at("module").get<int>(), localized(session, "title"),
                             session.at("starts_at").get<std::string>(), session.at("ends_at").get<std::string>(), text(session, "place")});
  for (const auto& assessment : document.value("assessments", json::array())) {
    AssessmentSeed value;
    value.code = assessment.at("code").get<std::string>();
    if (const auto module = assessment.find("module"); module != assessment.end() && !module->is_null()) value.module = module->get<int>();
    value.kind = assessment.at("kind").get<std::string>();
    value.title = localized(assessment, "title");
    value.max_score = assessment.at("max_score").get<double>();
    value.weight = assessment.value("weight", 1.0);
    value.due_date = text(assessment, "due_date");
    seed.assessments.push_back(std::move(value));
  }
  for (const auto& grade : document.value("grades", json::array()))
    seed.grades.push_back({grade.at("participant").get<std::string>(), grade.at("assessment").get<std::string>(), grade.at("score").get<double>()});
  for (const auto& attendance : document.value("attendance", json::array()))
    seed.attendance.push_back({attendance.at("session").get<std::string>(), attendance.value("late", std::vector<std::string>{}),
                               attendance.value("excused", std::vector<std::string>{}), attendance.value("absent", std::vector<std::string>{})});
  for (const auto& criterion : document.value("rubric", json::array())) {
    RubricCriterionSeed value{criterion.at("code").get<std::string>(), localized(criterion, "title"), criterion.at("weight").get<double>(),
                              criterion.value("scale_min", 1), criterion.value("scale_max", 5), {}};
    for (const auto& level : criterion.value("levels", json::array()))
      value.levels.emplace_back(level.at("level").get<int>(), localized(level, "description"));
    seed.rubric.push_back(std::move(value));
  }
  seed.project_deadline = text(document, "project_deadline");
  seed.jurors_per_project = document.value("jurors_per_project", 3);
  for (const auto& project : document.value("projects", json::array()))
    seed.projects.push_back({project.at("team").get<std::string>(), project.at("title").get<std::string>(), project.at("problem").get<std::string>(),
                             project.at("objectives").get<std::string>(), project.at("target_population").get<std::string>(),
                             project.at("human_rights").get<std::string>(), project.at("expected_results").get<std::string>(),
                             project.at("gcm_objectives").get<std::vector<int>>()});
  for (const auto& juror : document.value("jurors", json::array()))
    seed.jurors.push_back({juror.at("key").get<std::string>(), juror.at("email").get<std::string>(), juror.at("display_name").get<std::string>(),
                           text(juror, "institution"), juror.value("conflict_teams", std::vector<std::string>{})});
  for (const auto& review : document.value("reviews", json::array())) {
    ReviewSeed value{review.at("team").get<std::string>(), review.at("juror").get<std::string>(), {}, {}};
    for (const auto& [code, level] : review.at("levels").items()) value.levels.emplace_back(code, level.get<int>());
    const json comments = review.value("comments", json::object());
    for (const auto& [code, comment] : comments.items()) value.comments.emplace_back(code, comment.get<std::string>());
    seed.reviews.push_back(std::move(value));
  }
  return seed;
}

}  // namespace

Result<ProgrammeSeed> read_programme_seed_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::unexpected(field_error("file", "unreadable", "error.seed.file", path));
  auto document = json::parse(in, nullptr, false);
  if (document.is_discarded()) return std::unexpected(field_error("file", "malformed_json", "error.malformed_json", path));
  try {
    return parse(document);
  } catch (const std::bad_optional_access&) {
    return std::unexpected(field_error("grading", "unknown_policy", "error.seed.file", path));
  } catch (const json::exception& error) {
    // nlohmann's message names the member (out_of_range: key 'code' not found; type_error: ...).
    return std::unexpected(field_error("file", "invalid_programme", "error.seed.file", error.what()));
  }
}

}  // namespace diplomado::cli
