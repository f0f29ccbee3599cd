#pragma once
// What the participants table may be narrowed and ordered by (issue 5, UI item 5). Parsed from
// query parameters here, so every adapter refuses the same bad values with the same errors.
#include <array>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enrollment.hpp"
#include "domain/error.hpp"
#include "domain/permission.hpp"

namespace diplomado {

enum class ParticipantSort { name, institution, subdivision, team, status };

struct ParticipantFilter {
  std::string search;       // folded (accents and case do not count); each word matches the name,
                            // e-mail, province or institution
  std::optional<Id> institution_id;
  std::string subdivision_code;
  std::optional<Level> level;  // empty: every level
  std::optional<Sex> sex;      // empty: every sex
  std::optional<Id> team_id;  // 0: no team
  std::optional<EnrollmentStatus> status;  // empty: every status
  ParticipantSort sort = ParticipantSort::name;

  auto operator<=>(const ParticipantFilter&) const = default;
};

std::string_view to_string(ParticipantSort sort);

// Each argument is a query parameter's value, if the parameter was given.
struct ParticipantFilterParameters {
  std::optional<std::string_view> search, institution, subdivision, level, sex, team, status, sort;
};
Result<ParticipantFilter> parse_participant_filter(const ParticipantFilterParameters& parameters);

// LIKE patterns, one per search word, each to be found anywhere in the name (or e-mail): people
// type "María José Pérez" while names sort as "perez maria jose". % and _ are taken literally
// (escape: '!'). Words past the last slot join it, in order. Empty slots match everything.
inline constexpr std::size_t search_word_slots = 4;
std::array<std::string, search_word_slots> search_word_patterns(std::string_view folded_search);

}  // namespace diplomado
