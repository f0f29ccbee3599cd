#pragma once
// Scale data (issue 16 scope 6): programmes of realistic sizes made from one programme file, the
// same every time for the same seed. Nothing of a country is written here: places, institutions,
// modules, sessions, assessments, the rubric and even people's names come from the template
// (names are recombined: one participant's given names with another's family names).
#include <cstdint>
#include <optional>

#include "domain/programme_seed.hpp"

namespace diplomado {

struct ScaleOptions {
  std::uint64_t seed = 1;
  // The programme's participants; empty: 30 to 200, drawn from the seed.
  std::optional<std::size_t> participants;
};

// The `index`-th programme (from 1): code TEMPLATE-CODE-S<seed>-<index>; participants spread over
// the template's institutions and places; teams of about six, each with a leader and a submitted
// project; every grade, most attendance (about 8 % absent, 3 % late, 2 % excused), and a review by
// each juror the template asks for per project. Withdrawals: about 4 %.
ProgrammeSeed scale_programme(const ProgrammeSeed& template_seed, std::size_t index, const ScaleOptions& options);

}  // namespace diplomado
