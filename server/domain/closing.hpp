#pragma once
// Closing the course (issue 14): the ceremony (when and where in the programme's time zone, its run
// of show, its guests in order of precedence, who answered and who arrived), the satisfaction
// survey's questions, and the rules their input must meet.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/programme.hpp"

namespace diplomado {

enum class Rsvp { pending, accepted, declined };
std::string_view to_string(Rsvp rsvp);
std::optional<Rsvp> parse_rsvp(std::string_view text);

struct CeremonyItem {
  std::string at;  // HH:MM, the programme's clock
  LocalizedText title;
};

struct Ceremony {
  std::string starts_at;  // YYYY-MM-DDTHH:MM in the programme's time zone; empty until set
  std::string venue;
  std::vector<CeremonyItem> run_of_show;
  std::int64_t version = 0;  // 0: never saved
};

struct Guest {
  Id id = 0;
  std::string name;
  LocalizedText title;      // "Ministro de Seguridad Pública"
  std::string institution;  // tells apart guests of the same name
  int precedence = 1;       // 1 first: the protocol order
  bool authority = true;    // named among the authorities in the news release
  Rsvp rsvp = Rsvp::pending;
  std::string checked_in_at;  // ISO 8601 UTC; empty until the guest arrives
  std::int64_t version = 1;
};

// Every problem of the ceremony's fields, named by field ("run_of_show[1].at").
std::vector<FieldError> check_ceremony(const Ceremony& ceremony);
std::vector<FieldError> check_guest(const Guest& guest);

// The protocol order: precedence, then name and institution, so the list is the same every time.
void sort_by_precedence(std::vector<Guest>& guests);

enum class QuestionKind { likert, open };
std::string_view to_string(QuestionKind kind);
std::optional<QuestionKind> parse_question_kind(std::string_view text);

struct SurveyQuestion {
  Id id = 0;
  QuestionKind kind = QuestionKind::likert;
  LocalizedText text;
  int scale_min = 1;
  int scale_max = 5;
};

std::vector<FieldError> check_questions(const std::vector<SurveyQuestion>& questions);

}  // namespace diplomado
