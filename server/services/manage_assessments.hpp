#pragma once
// Assessments and the grading policy (issue 3, item 3), kept by the programme's coordinator.
#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The new assessment must keep the programme's weights valid: the error names the rule broken.
Result<Id> create_assessment(storage::Store& store, const Actor& actor, Id programme_id, const AssessmentSeed& assessment, TimePoint now);
Result<GradingPolicy> update_grading_policy(storage::Store& store, const Actor& actor, Id programme_id, const GradingPolicy& policy, TimePoint now);

}  // namespace diplomado::services
