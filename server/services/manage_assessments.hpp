#pragma once
// Assessments and the grading policy (issue 3, item 3), kept by the programme's coordinator.
#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// The new assessment must keep the programme's weights valid: the error names the rule broken.
Result<Id> create_assessment(storage::Store& store, const Actor& actor, Id programme_id, const AssessmentSeed& assessment, TimePoint now);
// Every assessment with its version and how many grades it has (coordinators and instructors).
Result<std::vector<AssessmentDetail>> list_assessments(storage::Store& store, const Actor& actor, Id programme_id);
// An edit names the version it replaces; the maximum cannot fall below a grade already given.
Result<AssessmentDetail> update_assessment(storage::Store& store, const Actor& actor, Id programme_id, Id assessment_id, const AssessmentSeed& assessment,
                                           std::int64_t expected_version, TimePoint now);
// Refused (409) once the assessment has grades.
Result<void> delete_assessment(storage::Store& store, const Actor& actor, Id programme_id, Id assessment_id, TimePoint now);
Result<GradingPolicy> update_grading_policy(storage::Store& store, const Actor& actor, Id programme_id, const GradingPolicy& policy, TimePoint now);

}  // namespace diplomado::services
