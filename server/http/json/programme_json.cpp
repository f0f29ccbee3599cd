#include "http/json/programme_json.hpp"

namespace diplomado::http {

nlohmann::json to_json(const LocalizedText& text) { return {{"es", text.es}, {"en", text.en}}; }

nlohmann::json to_json(const ProgrammeSummary& programme) {
  return {{"id", programme.id},
          {"code", programme.code},
          {"title", to_json(programme.title)},
          {"start_date", programme.start_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(programme.start_date)},
          {"end_date", programme.end_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(programme.end_date)},
          {"country", programme.country}};
}

nlohmann::json to_json(const services::ProgrammeDetail& detail) {
  const auto& programme = detail.programme;
  auto modules = nlohmann::json::array();
  for (const auto& module : programme.modules)
    modules.push_back({{"id", module.id},
                       {"position", module.position},
                       {"title", to_json(module.title)},
                       {"hours", module.hours},
                       {"pass_mark", module.pass_mark},
                       {"weight", module.weight},
                       {"illustrative", module.illustrative}});
  auto organisations = nlohmann::json::array();
  for (const auto& organisation : programme.organisations)
    organisations.push_back({{"role", organisation.role}, {"name", to_json(organisation.name)}, {"acronym", organisation.acronym}});
  const auto& counts = detail.counts;
  return {{"id", programme.id},
          {"code", programme.code},
          {"title", to_json(programme.title)},
          {"description", to_json(programme.description)},
          {"country", programme.country},
          {"time_zone", programme.time_zone},
          {"start_date", programme.start_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(programme.start_date)},
          {"end_date", programme.end_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(programme.end_date)},
          {"modality", programme.modality},
          {"sdgs", programme.sdgs},
          {"organisations", organisations},
          {"modules", modules},
          {"version", programme.version},
          {"counts",
           {{"enrollments", counts.enrollments},
            {"active", counts.active},
            {"withdrawn", counts.withdrawn},
            {"institutions", counts.institutions},
            {"teams", counts.teams},
            {"subdivisions", counts.subdivisions},
            {"national_level", counts.national_level},
            {"local_level", counts.local_level}}}};
}

nlohmann::json to_json(const TeamView& team) {
  return {{"id", team.id},
          {"name", team.name},
          {"region", {{"code", team.region.code}, {"name", team.region.name}}},
          {"group_leader",
           team.leader_enrollment_id
               ? nlohmann::json{{"enrollment_id", *team.leader_enrollment_id}, {"name", team.leader_name}, {"institution_acronym", team.leader_institution_acronym}}
               : nlohmann::json(nullptr)},
          {"member_count", team.member_count},
          {"institutions", team.institution_acronyms}};
}

}  // namespace diplomado::http
