#include "documents/reference_file.hpp"

#include <nlohmann/json.hpp>

namespace diplomado::documents {
namespace {

using nlohmann::json;

Error malformed(const std::string& where, const char* key) {
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  error.details.push_back({where, std::nullopt, "malformed", key, {}});
  return error;
}

std::string text(const json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || found->is_null()) return {};
  return found->get<std::string>();
}

std::vector<std::string> aliases(const json& object) { return object.value("aliases", std::vector<std::string>{}); }

}  // namespace

Result<SubdivisionList> parse_subdivision_list(std::string_view json_text) {
  const auto document = json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return std::unexpected(malformed("file", "error.malformed_json"));
  try {
    SubdivisionList list{text(document, "country"), {}};
    for (const auto& entry : document.at("subdivisions"))
      list.subdivisions.push_back({text(entry, "code"), text(entry, "name"), text(entry, "kind"), aliases(entry)});
    return list;
  } catch (const json::exception&) {
    return std::unexpected(malformed("subdivisions", "error.reference.shape"));
  }
}

Result<std::vector<services::ReferenceInstitution>> parse_institution_list(std::string_view json_text) {
  const auto document = json::parse(json_text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return std::unexpected(malformed("file", "error.malformed_json"));
  try {
    std::vector<services::ReferenceInstitution> list;
    for (const auto& entry : document.at("institutions")) {
      InstitutionSeed institution;
      const auto& name = entry.at("name");
      institution.name = {text(name, "es"), text(name, "en")};
      institution.acronym = text(entry, "acronym");
      institution.sector = text(entry, "sector");
      institution.level = entry.value("level", "national");
      institution.valid_from = text(entry, "valid_from");
      institution.valid_to = text(entry, "valid_to");
      list.push_back({std::move(institution), aliases(entry)});
    }
    return list;
  } catch (const json::exception&) {
    return std::unexpected(malformed("institutions", "error.reference.shape"));
  }
}

}  // namespace diplomado::documents
