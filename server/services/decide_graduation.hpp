#pragma once
// Graduation (issue 13): eligibility with every reason, a what-if at other thresholds, the
// coordinator's overrides (with a written justification, audited) and the class's graduation in
// bulk, with a dry run. Eligibility is the gradebook's (requirement_gaps); nothing derived is stored.
#include <optional>
#include <vector>

#include "domain/graduation.hpp"
#include "domain/time.hpp"
#include "services/get_gradebook.hpp"

namespace diplomado::services {

struct EligibilityRow {
  GradebookRow row;  // the enrolment, its progress and every reason it falls short
  std::optional<GraduationOverrideRecord> decision;
  GraduationOutcome outcome = GraduationOutcome::not_eligible;
  // Whether it would meet the requirements at the what-if thresholds; empty without a what-if.
  std::optional<bool> what_if_meets;
};

struct EligibilityCounts {
  std::int64_t enrollments = 0;
  std::int64_t eligible = 0;      // meet the requirements (at the programme's thresholds)
  std::int64_t to_graduate = 0;   // graduate when the class graduates: eligible or overridden, not withheld
  std::int64_t graduated = 0;
  std::int64_t withheld = 0;
  std::int64_t not_eligible = 0;
  std::int64_t withdrawn = 0;
  std::int64_t would_become_eligible = 0;  // at the what-if thresholds
  std::int64_t would_lose_eligibility = 0;
};

struct EligibilityReport {
  std::string programme_code;
  GradingPolicy policy;
  std::optional<GradingPolicy> what_if;
  std::vector<LocalizedText> modules;
  std::vector<EligibilityRow> rows;
  EligibilityCounts counts;
};

// The programme's coordinators (and the CLI: no actor) read it. `enrollment`: that row only (the
// person page); the counts are the whole class's all the same.
Result<EligibilityReport> get_eligibility(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, const WhatIf& what_if,
                                          std::optional<Id> enrollment = std::nullopt);

// Overrides either way, by the programme's coordinators; each set or cleared is audited.
Result<GraduationOverrideRecord> set_graduation_override(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id,
                                                         GraduationOverride decision, std::string_view justification, TimePoint now);
Result<void> clear_graduation_override(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id, TimePoint now);

enum class DryRun { yes, no };
struct GraduationResult {
  DryRun dry_run = DryRun::no;
  std::vector<EligibilityRow> graduates;  // moved to `graduated` (or, in a dry run, that would be)
  EligibilityCounts counts;               // before the move
};
// Every enrolment whose outcome is `graduate` becomes `graduated`, in one transaction.
Result<GraduationResult> graduate_class(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, DryRun dry_run, TimePoint now);

}  // namespace diplomado::services
