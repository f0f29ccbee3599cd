#pragma once
// Teaching's records as the use cases hand them on: an enrolment as the gradebook sees it, a
// session, an assessment with what has been graded against it.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/enrollment.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado {

struct GradebookEnrollment {
  Id enrollment_id = 0;
  Id person_id = 0;
  std::string given_names;
  std::string family_names;
  std::string email;
  EnrollmentStatus status = EnrollmentStatus::enrolled;
  std::optional<Id> team_id;
  std::string team_name;
  std::string institution;  // its acronym, or its Spanish name when it has none; empty without one
};

struct SessionRecord {
  Id id = 0;
  Id module_id = 0;
  LocalizedText title;
  std::string starts_at;
  std::string ends_at;
  std::string place;
  std::string online_link;
  std::int64_t version = 1;
  std::int64_t marks = 0;     // attendance marks recorded
  std::int64_t attended = 0;  // of them, present or late
};

struct AssessmentDetail {
  Id id = 0;
  std::optional<int> module;  // position from 1
  AssessmentSeed seed;
  std::int64_t version = 1;
  std::int64_t grades = 0;
  std::optional<double> highest_grade;
};

}  // namespace diplomado
