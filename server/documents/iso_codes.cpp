#include "documents/iso_codes.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

#include "json/json_reader.hpp"

namespace diplomado {
namespace {

struct IsoSubdivision {
  std::string code, name, type, parent;
};

struct IsoFile {
  std::vector<IsoSubdivision> entries;
};

}  // namespace

static void describe(BodyReader& file, IsoSubdivision& entry) {
  file.required("code", entry.code, {.max_length = 20})
      .required("name", entry.name, {.max_length = 300})
      .required("type", entry.type, {.max_length = 100})
      .optional("parent", entry.parent, {.max_length = 20});
}

static void describe(BodyReader& file, IsoFile& list) { file.required("3166-2", list.entries, {.max_items = 20'000}); }

namespace documents {
namespace {

std::string snake_case(std::string_view type) {
  std::string kind;
  for (char c : type) kind += c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kind;
}

}  // namespace

std::string iso_codes_directory() {
#ifdef DIPLOMADO_ISO_CODES_DIR
  return DIPLOMADO_ISO_CODES_DIR;
#else
  return "/usr/share/iso-codes/json";
#endif
}

Result<std::vector<services::ReferenceSubdivision>> parse_iso_3166_2(std::string_view json_text, std::string_view country) {
  auto parsed = parse_bounded_json(json_text);
  if (!parsed) return std::unexpected(parsed.error());
  IsoFile file;
  if (auto errors = read_json(*parsed, file); !errors.empty()) {
    Error error = make_error(ErrorCode::internal, "error.reference.shape");
    error.details = std::move(errors);
    return std::unexpected(std::move(error));
  }
  std::vector<services::ReferenceSubdivision> result;
  const std::string prefix = country.empty() ? std::string() : std::string(country) + "-";  // empty: every country
  for (auto& entry : file.entries)
    if (entry.code.starts_with(prefix)) result.push_back({std::move(entry.code), std::move(entry.name), snake_case(entry.type), {}});
  return result;
}

Result<std::vector<services::ReferenceSubdivision>> iso_subdivisions(std::string_view country) {
  // Read and split by country once; the file is 0.5 MiB and does not change while we run.
  static std::once_flag once;
  static Result<std::map<std::string, std::vector<services::ReferenceSubdivision>, std::less<>>> by_country =
      std::unexpected(make_error(ErrorCode::internal, "error.reference.iso_codes"));
  std::call_once(once, [] {
    const auto path = std::filesystem::path(iso_codes_directory()) / "iso_3166-2.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Error error = make_error(ErrorCode::unavailable, "error.reference.iso_codes");
      error.details.push_back({"file", std::nullopt, "unreadable", "error.reference.iso_codes", path.string()});
      by_country = std::unexpected(std::move(error));
      return;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto all = parse_iso_3166_2(text, "");
    if (!all) {
      by_country = std::unexpected(all.error());
      return;
    }
    std::map<std::string, std::vector<services::ReferenceSubdivision>, std::less<>> split;
    for (auto& entry : *all) split[entry.code.substr(0, 2)].push_back(std::move(entry));
    by_country = std::move(split);
  });
  if (!by_country) return std::unexpected(by_country.error());
  const auto found = by_country->find(country);
  return found == by_country->end() ? std::vector<services::ReferenceSubdivision>{} : found->second;
}

}  // namespace documents
}  // namespace diplomado
