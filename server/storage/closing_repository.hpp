#pragma once
// Closing the course (issue 14): the ceremony and its guests, the satisfaction survey (answers kept
// apart from who answered) and the news release's saved drafts. One repository header per
// aggregate (DESIGN.md §3); storage/repositories.hpp gathers them into the unit of work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/closing.hpp"

namespace diplomado::storage {

struct SurveyAnswerRecord {
  Id question_id = 0;
  std::optional<int> value;  // likert
  std::string text;          // open
};

struct NewsDraftRecord {
  std::string body;
  std::string updated_at;
  std::int64_t version = 0;
};

class ClosingRepository {
 public:
  virtual ~ClosingRepository() = default;
  virtual Ceremony ceremony(Id programme_id) = 0;
  // Replaces the ceremony and its run of show. False when `expected_version` is stale (0: none yet).
  virtual bool save_ceremony(Id programme_id, const Ceremony& ceremony, std::int64_t expected_version) = 0;
  virtual std::vector<Guest> guests(Id programme_id) = 0;
  virtual std::optional<Guest> guest(Id programme_id, Id guest_id) = 0;
  // False when a guest of the same name and institution is already on the list.
  virtual std::optional<Id> insert_guest(Id programme_id, const Guest& guest) = 0;
  // False when the version is stale.
  virtual bool update_guest(Id programme_id, const Guest& guest, std::int64_t expected_version) = 0;
  virtual bool delete_guest(Id programme_id, Id guest_id) = 0;
  // Marks the arrival (or clears it, with an empty time); returns the new version, empty if none.
  virtual std::optional<std::int64_t> set_checked_in(Id programme_id, Id guest_id, std::string_view at) = 0;

  virtual std::vector<SurveyQuestion> questions(Id programme_id) = 0;
  // Replaces the questions; refused (false) once anyone has answered.
  virtual bool replace_questions(Id programme_id, const std::vector<SurveyQuestion>& questions) = 0;
  virtual bool has_answered(Id programme_id, Id enrollment_id) = 0;
  virtual std::int64_t respondents(Id programme_id) = 0;
  // Records that the enrolment answered and, under a random response id, what was answered. False
  // when the enrolment had answered already (nothing is written then).
  virtual bool record_response(Id programme_id, Id enrollment_id, std::int64_t response_id, const std::vector<SurveyAnswerRecord>& answers) = 0;
  // Per Likert question, how many chose each value; per open question, its texts.
  virtual std::vector<std::pair<Id, std::vector<std::pair<int, std::int64_t>>>> likert_counts(Id programme_id) = 0;
  virtual std::vector<std::pair<Id, std::string>> open_answers(Id programme_id) = 0;

  virtual std::optional<NewsDraftRecord> news_draft(Id programme_id, std::string_view language) = 0;
  // False when `expected_version` is stale (0: none saved yet).
  virtual bool save_news_draft(Id programme_id, std::string_view language, std::string_view body, std::string_view at, std::int64_t expected_version) = 0;
};

}  // namespace diplomado::storage
