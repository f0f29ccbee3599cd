#pragma once
// Jurors, their conflicts, reviews and recognitions. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"
#include "domain/project.hpp"

namespace diplomado::storage {

struct ReviewRecord {
  Id project_id = 0;
  Id user_id = 0;
  std::string assigned_at;
  std::optional<std::string> submitted_at;
  std::int64_t version = 1;
};

struct ReviewScoreRecord {
  Id project_id = 0;
  Id user_id = 0;
  Id criterion_id = 0;
  int level = 0;
  std::string comment;
};

struct RecognitionRecord {
  Id id = 0;
  std::string kind;
  std::optional<Id> project_id;
  std::string confirmed_at;
};

class JuryRepository {
 public:
  virtual ~JuryRepository() = default;
  virtual std::vector<JurorRecord> jurors(Id programme_id) = 0;
  virtual void upsert_juror(Id programme_id, Id user_id, std::optional<Id> institution_id) = 0;
  virtual Id insert_conflict(Id programme_id, Id user_id, std::optional<Id> team_id, std::optional<Id> institution_id, std::string_view reason) = 0;
  virtual std::vector<ReviewRecord> reviews(Id programme_id) = 0;
  virtual std::optional<ReviewRecord> review(Id project_id, Id user_id) = 0;
  virtual void insert_review(Id project_id, Id user_id, std::string_view assigned_at) = 0;
  // Removes assignments not yet submitted that a conflict now forbids; returns how many.
  virtual std::int64_t remove_unsubmitted_review(Id project_id, Id user_id) = 0;
  // Scores of submitted reviews of the programme (the ranking), or of one review.
  virtual std::vector<ReviewScoreRecord> submitted_scores(Id programme_id) = 0;
  virtual std::vector<ReviewScoreRecord> scores_of(Id project_id, Id user_id) = 0;
  virtual std::int64_t submitted_count(Id programme_id) = 0;
  // Writes the scores and marks the review submitted; false when its version is stale.
  virtual bool submit_review(Id project_id, Id user_id, const std::vector<ReviewScoreRecord>& scores, std::string_view at,
                             std::int64_t expected_version) = 0;
  virtual std::optional<RecognitionRecord> best_project(Id programme_id) = 0;
  virtual void set_best_project(Id programme_id, Id project_id, Id by, std::string_view at) = 0;
};

}  // namespace diplomado::storage
