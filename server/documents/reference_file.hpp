#pragma once
// Reference lists as JSON (data/reference/): a country's subdivisions, and institutions. The CLI
// reads them from files and the API from request bodies; both read them here.
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "services/load_reference.hpp"

namespace diplomado::documents {

struct SubdivisionList {
  std::string country;
  std::vector<services::ReferenceSubdivision> subdivisions;
};

// {"country": "PA", "subdivisions": [{"code", "name", "kind", "aliases": [...]}]}
Result<SubdivisionList> parse_subdivision_list(std::string_view json_text);
// {"institutions": [{"name": {"es", "en"}, "acronym", "sector", "level", "valid_from", "valid_to", "aliases"}]}
Result<std::vector<services::ReferenceInstitution>> parse_institution_list(std::string_view json_text);

}  // namespace diplomado::documents
