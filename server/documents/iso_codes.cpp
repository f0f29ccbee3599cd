#include "documents/iso_codes.hpp"

#include <cctype>
#include <cstdint>
#include <cstring>
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

std::string iso_codes_locale_directory() {
#ifdef DIPLOMADO_ISO_CODES_LOCALE_DIR
  return DIPLOMADO_ISO_CODES_LOCALE_DIR;
#else
  return "/usr/share/locale";
#endif
}

Result<std::map<std::string, std::string, std::less<>>> parse_mo_catalogue(std::string_view bytes) {
  // The GNU .mo layout: a magic number (which also gives the byte order), a revision, the count
  // of strings and the offsets of two tables of (length, offset) pairs, originals then
  // translations; each string is NUL-terminated after its length.
  const auto malformed = [] { return std::unexpected(make_error(ErrorCode::internal, "error.reference.iso_codes")); };
  const auto word_at = [&](std::size_t offset, bool swap) -> std::optional<std::uint32_t> {
    if (offset > bytes.size() || bytes.size() - offset < 4) return std::nullopt;
    std::uint32_t word = 0;
    std::memcpy(&word, bytes.data() + offset, 4);
    return swap ? __builtin_bswap32(word) : word;
  };
  const auto magic = word_at(0, false);
  if (!magic || (*magic != 0x950412deU && *magic != 0xde120495U)) return malformed();
  const bool swap = *magic == 0xde120495U;
  const auto count = word_at(8, swap), originals = word_at(12, swap), translations = word_at(16, swap);
  if (!count || !originals || !translations) return malformed();
  const auto string_at = [&](std::uint32_t table, std::uint32_t index) -> std::optional<std::string_view> {
    const auto length = word_at(table + std::size_t{8} * index, swap), offset = word_at(table + std::size_t{8} * index + 4, swap);
    if (!length || !offset || *offset > bytes.size() || bytes.size() - *offset < *length) return std::nullopt;
    return bytes.substr(*offset, *length);
  };
  std::map<std::string, std::string, std::less<>> catalogue;
  for (std::uint32_t i = 0; i < *count; ++i) {
    const auto original = string_at(*originals, i), translation = string_at(*translations, i);
    if (!original || !translation) return malformed();
    const bool plain = original->find('\x04') == std::string_view::npos && original->find('\0') == std::string_view::npos;
    if (plain && !original->empty() && !translation->empty() && *translation != *original)
      catalogue.emplace(std::string(*original), std::string(*translation));
  }
  return catalogue;
}

void translate_subdivisions(std::vector<services::ReferenceSubdivision>& subdivisions, const std::map<std::string, std::string, std::less<>>& catalogue) {
  for (auto& subdivision : subdivisions) {
    const auto found = catalogue.find(subdivision.name);
    if (found == catalogue.end()) continue;
    subdivision.aliases.push_back(std::move(subdivision.name));
    subdivision.name = found->second;
  }
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
    // Spanish first: names from iso-codes' Spanish catalogue where it has one.
    std::ifstream catalogue_file(std::filesystem::path(iso_codes_locale_directory()) / "es" / "LC_MESSAGES" / "iso_3166-2.mo", std::ios::binary);
    if (catalogue_file) {
      const std::string bytes((std::istreambuf_iterator<char>(catalogue_file)), std::istreambuf_iterator<char>());
      if (auto catalogue = parse_mo_catalogue(bytes)) translate_subdivisions(*all, *catalogue);
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
