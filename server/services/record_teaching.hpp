#pragma once
// Recording what happens in the room (issue 3): a grade, with its old and new value audited and
// a stale edit refused; a session's attendance by quick entry (present unless marked).
#include <map>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct GradeChange {
  Id enrollment_id = 0;
  Id assessment_id = 0;
  std::string score;  // as typed: "8,5" or "8.5"
  std::optional<std::int64_t> expected_version;  // the version the editor saw; empty for a new grade
};

struct RecordedGrade {
  double score = 0;
  std::int64_t version = 1;
};

Result<RecordedGrade> record_grade(storage::Store& store, const Actor& actor, Id programme_id, const GradeChange& change, TimePoint now);

struct AttendanceCounts {
  std::int64_t present = 0, late = 0, excused = 0, absent = 0;
};

// exceptions: enrolment id -> late | excused | absent | present. Everyone else active is present.
Result<AttendanceCounts> record_attendance(storage::Store& store, const Actor& actor, Id programme_id, Id session_id,
                                           const std::map<Id, std::string>& exceptions, TimePoint now);

}  // namespace diplomado::services
