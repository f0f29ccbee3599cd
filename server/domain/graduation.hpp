#pragma once
// Graduation (issue 13): who may graduate is derived from the gradebook and the programme's
// requirements (gradebook.hpp, requirement_gaps); who does graduate is the coordinator's decision,
// which may override the requirements either way with a written justification.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enrollment.hpp"
#include "domain/error.hpp"
#include "domain/gradebook.hpp"

namespace diplomado {

enum class GraduationOverride { graduate, withhold };
std::string_view to_string(GraduationOverride decision);
std::optional<GraduationOverride> parse_graduation_override(std::string_view text);

// A coordinator's override of one enrolment's eligibility, and why.
struct GraduationOverrideRecord {
  std::int64_t enrollment_id = 0;
  GraduationOverride decision = GraduationOverride::graduate;
  std::string justification;
  std::optional<std::int64_t> decided_by;
  std::string decided_at;
};

// What happens to one enrolment when the class graduates.
enum class GraduationOutcome {
  graduate,      // meets the requirements, or a coordinator decided it graduates
  not_eligible,  // falls short and nobody overrode that
  withheld,      // meets the requirements, but a coordinator withheld graduation
  withdrawn,     // withdrawn enrolments never graduate, whatever an override says
  graduated,     // graduated already
};
std::string_view to_string(GraduationOutcome outcome);

GraduationOutcome graduation_outcome(EnrollmentStatus status, bool eligible, std::optional<GraduationOverride> decision);

// An override needs a written justification (at least a few words: "ok" explains nothing) and
// cannot graduate a withdrawn enrolment or change one already graduated.
inline constexpr std::size_t minimum_justification_length = 10;
inline constexpr std::size_t maximum_justification_length = 2000;
Result<void> check_override(EnrollmentStatus status, GraduationOverride decision, std::string_view justification);

// Other thresholds to try ("what if attendance were 75 %?"): each one set replaces the policy's.
struct WhatIf {
  std::optional<double> attendance_threshold;
  std::optional<double> module_attendance_threshold;
  std::optional<double> minimum_final_grade;
  std::optional<double> module_pass_mark;
  bool empty() const;
};

// One "name=value" term, as the CLI's --what-if and the API's query give it: attendance,
// module_attendance, final_grade or pass_mark, a percentage from 0 to 100.
Result<void> add_what_if_term(WhatIf& what_if, std::string_view term);
GradingPolicy apply(const GradingPolicy& policy, const WhatIf& what_if);

}  // namespace diplomado
