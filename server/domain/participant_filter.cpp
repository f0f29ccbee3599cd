#include "domain/participant_filter.hpp"

#include <algorithm>
#include <array>
#include <vector>
#include <charconv>

#include "domain/enrollment.hpp"
#include "domain/text_key.hpp"

namespace diplomado {
namespace {

constexpr std::array<std::string_view, 5> sort_names{"name", "institution", "subdivision", "team", "status"};

std::optional<Id> parse_id(std::string_view text, bool zero_allowed) {
  Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id < (zero_allowed ? 0 : 1)) return std::nullopt;
  return id;
}

}  // namespace

std::string_view to_string(ParticipantSort sort) { return sort_names[static_cast<std::size_t>(sort)]; }

Result<ParticipantFilter> parse_participant_filter(const ParticipantFilterParameters& parameters) {
  ParticipantFilter filter;
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  auto reject = [&](const char* field, const char* code, const char* key, std::string_view value) {
    error.details.push_back({field, std::nullopt, code, key, std::string(value.substr(0, 100))});
  };
  if (parameters.search) {
    if (parameters.search->size() > 100) reject("q", "too_long", "error.field.too_long", *parameters.search);
    else filter.search = fold_for_matching(*parameters.search);
  }
  if (parameters.institution && !parameters.institution->empty()) {
    if (auto id = parse_id(*parameters.institution, false)) filter.institution_id = id;
    else reject("institution", "not_positive_integer", "error.field.positive_integer", *parameters.institution);
  }
  if (parameters.subdivision && !parameters.subdivision->empty()) {
    if (parameters.subdivision->size() > 12) reject("province", "too_long", "error.field.too_long", *parameters.subdivision);
    else filter.subdivision_code = *parameters.subdivision;
  }
  if (parameters.level && !parameters.level->empty()) {
    if (const auto level = parse_level(*parameters.level)) filter.level = *level;
    else reject("level", "unknown_level", "error.seed.unknown_level", *parameters.level);
  }
  if (parameters.sex && !parameters.sex->empty()) {
    if (const auto sex = parse_sex(*parameters.sex)) filter.sex = *sex;
    else reject("sex", "unknown_sex", "error.seed.unknown_sex", *parameters.sex);
  }
  if (parameters.team && !parameters.team->empty()) {
    if (auto id = parse_id(*parameters.team, true)) filter.team_id = id;
    else reject("team", "not_positive_integer", "error.field.positive_integer", *parameters.team);
  }
  if (parameters.status && !parameters.status->empty()) {
    if (const auto status = parse_enrollment_status(*parameters.status)) filter.status = *status;
    else reject("status", "unknown_status", "error.seed.unknown_status", *parameters.status);
  }
  if (parameters.sort && !parameters.sort->empty()) {
    bool known = false;
    for (std::size_t i = 0; i < sort_names.size(); ++i)
      if (sort_names[i] == *parameters.sort) filter.sort = static_cast<ParticipantSort>(i), known = true;
    if (!known) reject("sort", "unknown_sort", "error.field.sort", *parameters.sort);
  }
  if (!error.details.empty()) return std::unexpected(error);
  return filter;
}

std::array<std::string, search_word_slots> search_word_patterns(std::string_view folded_search) {
  std::array<std::string, search_word_slots> patterns;
  std::size_t slot = 0, start = 0;
  while (start < folded_search.size()) {
    const auto end = std::min(folded_search.find(' ', start), folded_search.size());
    if (end > start) {
      auto& pattern = patterns[slot];
      if (pattern.empty()) pattern = "%";
      for (char c : folded_search.substr(start, end - start)) {
        if (c == '%' || c == '_' || c == '!') pattern.push_back('!');
        pattern.push_back(c);
      }
      pattern.push_back('%');
      if (slot + 1 < search_word_slots) ++slot;
    }
    start = end + 1;
  }
  return patterns;
}

}  // namespace diplomado
