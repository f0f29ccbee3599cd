#include "documents/reference_file.hpp"

#include "json/domain_reader.hpp"

namespace diplomado {

// The reference files' shapes, read by the one typed reader: a wrong type or an unknown member is
// named with its path ("subdivisions[3].name"), never thrown.
static void describe(BodyReader& file, services::ReferenceSubdivision& subdivision) {
  file.required("code", subdivision.code, {.max_length = 10})
      .required("name", subdivision.name, {.max_length = 200})
      .optional("kind", subdivision.kind, {.max_length = 50})
      .optional("aliases", subdivision.aliases, {.max_length = 200, .max_items = 100});
}

static void describe(BodyReader& file, documents::SubdivisionList& list) {
  file.optional("country", list.country, {.max_length = 2})
      .required("subdivisions", list.subdivisions, {.max_items = 10'000})
      .read_only({"about"});
}

static void describe(BodyReader& file, services::ReferenceInstitution& entry) {
  file.required("name", entry.institution.name);
  describe_institution(file, entry.institution, entry.aliases);
}

namespace documents {
namespace {

struct InstitutionList {
  std::string country;  // every institution of the list is this country's unless it says
  std::vector<services::ReferenceInstitution> institutions;
};

}  // namespace
}  // namespace documents

static void describe(BodyReader& file, documents::InstitutionList& list) {
  file.optional("country", list.country, {.max_length = 2}).required("institutions", list.institutions, {.max_items = 10'000}).read_only({"about"});
}

namespace documents {
namespace {

template <class List>
Result<List> read_list(std::string_view json_text) {
  auto parsed = parse_bounded_json(json_text);
  if (!parsed) return std::unexpected(parsed.error());
  List list{};
  auto errors = read_json(*parsed, list);
  if (!errors.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "error.reference.shape");
    error.details = std::move(errors);
    return std::unexpected(std::move(error));
  }
  return list;
}

}  // namespace

Result<SubdivisionList> parse_subdivision_list(std::string_view json_text) { return read_list<SubdivisionList>(json_text); }

Result<std::vector<services::ReferenceInstitution>> parse_institution_list(std::string_view json_text) {
  auto list = read_list<InstitutionList>(json_text);
  if (!list) return std::unexpected(list.error());
  for (auto& entry : list->institutions)
    if (entry.institution.country.empty()) entry.institution.country = list->country;
  return std::move(list->institutions);
}

}  // namespace documents
}  // namespace diplomado
