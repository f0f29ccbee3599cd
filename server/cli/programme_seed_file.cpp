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
  } catch (const json::exception& error) {
    // nlohmann's message names the member (out_of_range: key 'code' not found; type_error: ...).
    return std::unexpected(field_error("file", "invalid_programme", "error.seed.file", error.what()));
  }
}

}  // namespace diplomado::cli
