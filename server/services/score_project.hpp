#pragma once
// A juror's review (issue 4): only of a project assigned to them and free of conflict; every
// criterion scored on its scale, with a comment; other jurors' scores hidden until their own is
// submitted.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "services/submit_project.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {


struct CriterionScore {
  std::string criterion;  // code
  int level = 0;
  std::string comment;
};

struct ReviewView {
  ProjectRecord project;
  RubricRecord rubric;
  std::optional<std::string> submitted_at;
  std::int64_t version = 1;
  std::vector<CriterionScore> scores;  // this juror's
  struct Other {
    std::string juror;  // "Jurado 2": others are not named to each other
    std::vector<CriterionScore> scores;
  };
  std::optional<std::vector<Other>> others;  // empty until this juror has submitted
};

struct AssignedReview {
  Id project_id = 0;
  std::string team_name;
  std::string title;
  std::optional<std::string> submitted_at;
};

Result<std::vector<AssignedReview>> list_my_reviews(storage::Store& store, const Actor& actor, Id programme_id);
Result<ReviewView> get_review(storage::Store& store, const Actor& actor, Id programme_id, Id project_id);

struct ReviewSubmission {
  std::map<std::string, double> levels;  // criterion code -> level
  std::map<std::string, std::string> comments;
  std::int64_t expected_version = 1;
};
Result<ReviewView> submit_review(storage::Store& store, const Actor& actor, Id programme_id, Id project_id, const ReviewSubmission& submission,
                                 TimePoint now);

// The rubric: anyone in the programme reads it; the coordinator replaces it until a review is in.
Result<RubricRecord> get_rubric(storage::Store& store, const Actor& actor, Id programme_id);
Result<RubricRecord> replace_rubric(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<RubricCriterionRecord>& criteria,
                                    std::int64_t expected_version, TimePoint now);

}  // namespace diplomado::services
