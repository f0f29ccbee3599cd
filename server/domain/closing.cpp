#include "domain/closing.hpp"

#include <algorithm>
#include <tuple>

namespace diplomado {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  return std::all_of(text.begin() + static_cast<long>(from), text.begin() + static_cast<long>(from + count), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view text, std::size_t from, std::size_t count) { return std::stoi(std::string(text.substr(from, count))); }

bool is_clock_time(std::string_view text) {
  return text.size() == 5 && digits(text, 0, 2) && text[2] == ':' && digits(text, 3, 2) && number(text, 0, 2) < 24 && number(text, 3, 2) < 60;
}

bool is_local_moment(std::string_view text) {
  if (text.size() != 16 || !digits(text, 0, 4) || text[4] != '-' || !digits(text, 5, 2) || text[7] != '-' || !digits(text, 8, 2) || text[10] != 'T')
    return false;
  const int month = number(text, 5, 2), day = number(text, 8, 2);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && is_clock_time(text.substr(11));
}

void require_text(std::vector<FieldError>& errors, const std::string& field, std::string_view value, std::size_t max_length) {
  if (value.empty()) errors.push_back({field, std::nullopt, "required", "error.field.required", {}});
  else if (value.size() > max_length) errors.push_back({field, std::nullopt, "too_long", "error.field.too_long", std::string(value.substr(0, 40))});
}

}  // namespace

std::string_view to_string(Rsvp rsvp) {
  switch (rsvp) {
    case Rsvp::pending: return "pending";
    case Rsvp::accepted: return "accepted";
    case Rsvp::declined: return "declined";
  }
  return "pending";
}

std::optional<Rsvp> parse_rsvp(std::string_view text) {
  for (auto rsvp : {Rsvp::pending, Rsvp::accepted, Rsvp::declined})
    if (to_string(rsvp) == text) return rsvp;
  return std::nullopt;
}

std::vector<FieldError> check_ceremony(const Ceremony& ceremony) {
  std::vector<FieldError> errors;
  if (!ceremony.starts_at.empty() && !is_local_moment(ceremony.starts_at))
    errors.push_back({"starts_at", std::nullopt, "invalid_moment", "error.ceremony.starts_at", ceremony.starts_at});
  if (ceremony.venue.size() > 300) errors.push_back({"venue", std::nullopt, "too_long", "error.field.too_long", ceremony.venue.substr(0, 40)});
  if (ceremony.run_of_show.size() > 100) errors.push_back({"run_of_show", std::nullopt, "too_many", "error.field.too_many", {}});
  for (std::size_t i = 0; i < ceremony.run_of_show.size() && i < 100; ++i) {
    const auto& item = ceremony.run_of_show[i];
    const auto at = "run_of_show[" + std::to_string(i) + "]";
    if (!is_clock_time(item.at)) errors.push_back({at + ".at", std::nullopt, "invalid_time", "error.ceremony.item_time", item.at});
    require_text(errors, at + ".title.es", item.title.es, 300);
    require_text(errors, at + ".title.en", item.title.en, 300);
  }
  return errors;
}

std::vector<FieldError> check_guest(const Guest& guest) {
  std::vector<FieldError> errors;
  require_text(errors, "name", guest.name, 200);
  if (guest.title.es.size() > 300) errors.push_back({"title.es", std::nullopt, "too_long", "error.field.too_long", guest.title.es.substr(0, 40)});
  if (guest.title.en.size() > 300) errors.push_back({"title.en", std::nullopt, "too_long", "error.field.too_long", guest.title.en.substr(0, 40)});
  if (guest.institution.size() > 300) errors.push_back({"institution", std::nullopt, "too_long", "error.field.too_long", guest.institution.substr(0, 40)});
  if (guest.precedence < 1 || guest.precedence > 999)
    errors.push_back({"precedence", std::nullopt, "out_of_range", "error.ceremony.precedence", std::to_string(guest.precedence)});
  return errors;
}

void sort_by_precedence(std::vector<Guest>& guests) {
  std::ranges::stable_sort(guests, [](const Guest& a, const Guest& b) {
    return std::tie(a.precedence, a.name, a.institution) < std::tie(b.precedence, b.name, b.institution);
  });
}

std::string_view to_string(QuestionKind kind) { return kind == QuestionKind::likert ? "likert" : "open"; }

std::optional<QuestionKind> parse_question_kind(std::string_view text) {
  if (text == "likert") return QuestionKind::likert;
  if (text == "open") return QuestionKind::open;
  return std::nullopt;
}

std::vector<FieldError> check_questions(const std::vector<SurveyQuestion>& questions) {
  std::vector<FieldError> errors;
  if (questions.size() > 50) errors.push_back({"questions", std::nullopt, "too_many", "error.field.too_many", {}});
  for (std::size_t i = 0; i < questions.size() && i < 50; ++i) {
    const auto& question = questions[i];
    const auto at = "questions[" + std::to_string(i) + "]";
    require_text(errors, at + ".text.es", question.text.es, 500);
    require_text(errors, at + ".text.en", question.text.en, 500);
    if (question.kind == QuestionKind::likert && (question.scale_min < 0 || question.scale_max > 10 || question.scale_max - question.scale_min < 1))
      errors.push_back({at + ".scale_max", std::nullopt, "invalid_scale", "error.survey.scale", std::to_string(question.scale_max)});
  }
  return errors;
}

}  // namespace diplomado
