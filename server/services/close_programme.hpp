#pragma once
// Closing the course (issue 14): the ceremony with its guests and the door check-in, the
// satisfaction survey (answered once, stored without who answered), and the news release's draft
// from the data. Each change is audited; personal data stays out of the audit details.
#include <optional>
#include <string>
#include <vector>

#include "domain/closing.hpp"
#include "domain/messages.hpp"
#include "domain/indicators.hpp"
#include "domain/news_release.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct CeremonyPerson {
  std::string name;
  std::string institution;  // acronym, or name
  std::string detail;       // a recognition's team or region
};

struct GuestCounts {
  std::int64_t guests = 0;
  std::int64_t accepted = 0;
  std::int64_t declined = 0;
  std::int64_t pending = 0;
  std::int64_t checked_in = 0;
};

struct CeremonyView {
  LocalizedText programme_title;
  std::string time_zone;
  Ceremony ceremony;
  std::vector<Guest> guests;  // in order of precedence
  GuestCounts counts;
  std::vector<CeremonyPerson> graduates;      // listed from the enrolments, never typed in
  std::vector<CeremonyPerson> group_leaders;  // recognised
  std::optional<CeremonyPerson> best_team;    // the confirmed best project's team
};

// The programme's coordinators.
Result<CeremonyView> get_ceremony(storage::Store& store, const Actor& actor, Id programme_id);
Result<CeremonyView> save_ceremony(storage::Store& store, const Actor& actor, Id programme_id, const Ceremony& ceremony, std::int64_t expected_version,
                                   TimePoint now);
Result<Guest> add_guest(storage::Store& store, const Actor& actor, Id programme_id, const Guest& guest, TimePoint now);
Result<Guest> update_guest(storage::Store& store, const Actor& actor, Id programme_id, const Guest& guest, std::int64_t expected_version, TimePoint now);
Result<void> remove_guest(storage::Store& store, const Actor& actor, Id programme_id, Id guest_id, TimePoint now);
// At the door: marks the guest arrived (or not, to undo a wrong tap); returns the list's counts.
Result<GuestCounts> check_in_guest(storage::Store& store, const Actor& actor, Id programme_id, Id guest_id, bool arrived, TimePoint now);

struct SurveyResult {
  SurveyQuestion question;
  std::vector<std::int64_t> counts;  // likert: per point of the scale
  std::int64_t n = 0;
  std::optional<double> mean;
  std::vector<std::string> texts;  // open: the answers, in the order of their text
};

struct SurveyView {
  std::vector<SurveyQuestion> questions;
  std::int64_t respondents = 0;
  std::int64_t enrolled = 0;             // active enrolments: who may answer
  std::optional<bool> answered;          // for a participant: whether they have
  std::vector<SurveyResult> results;     // coordinators only
};

Result<SurveyView> get_survey(storage::Store& store, const Actor& actor, Id programme_id);
// Refused (409) once anyone has answered: answers would no longer match their questions.
Result<SurveyView> save_survey_questions(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<SurveyQuestion>& questions,
                                         TimePoint now);
struct SurveyAnswer {
  Id question_id = 0;
  std::optional<int> value;
  std::string text;
};
// A participant's one answer; a second is refused (409).
Result<void> answer_survey(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<SurveyAnswer>& answers, TimePoint now);
// The Likert results as the indicators read them (inside the caller's unit of work).
std::vector<LikertResult> likert_results(storage::UnitOfWork& unit, Id programme_id);

struct SavedNews {
  std::string body;
  std::string updated_at;
  std::int64_t version = 0;
};

struct NewsView {
  Language language = Language::es;
  NewsDraft generated;            // from the data, now
  std::optional<SavedNews> saved;  // the coordinator's edited draft, if any
};
// actor: empty for the CLI.
Result<NewsView> get_news(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, Language language);
Result<NewsView> save_news(storage::Store& store, const Actor& actor, Id programme_id, Language language, std::string_view body,
                           std::int64_t expected_version, TimePoint now);

}  // namespace diplomado::services
