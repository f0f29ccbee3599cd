#include "domain/closing.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {

std::vector<std::string> fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& error : errors) out.push_back(error.field);
  return out;
}

TEST(Ceremony, TimesAreTheProgrammesClockInOneForm) {
  Ceremony ceremony;
  EXPECT_TRUE(check_ceremony(ceremony).empty()) << "nothing set yet is fine";
  ceremony.starts_at = "2023-10-11T10:00";
  ceremony.run_of_show = {{"10:00", {"Bienvenida", "Welcome"}}, {"23:59", {"Cierre", "Close"}}};
  EXPECT_TRUE(check_ceremony(ceremony).empty());
  for (const char* bad : {"11/10/2023 10:00", "2023-10-11 10:00", "2023-13-11T10:00", "2023-10-11T24:00", "2023-10-11T10:00Z"}) {
    ceremony.starts_at = bad;
    EXPECT_EQ(fields(check_ceremony(ceremony)), std::vector<std::string>{"starts_at"}) << bad;
  }
  ceremony.starts_at = "";
  ceremony.run_of_show = {{"7:00", {"A", "A"}}, {"10:60", {"", "B"}}};
  EXPECT_EQ(fields(check_ceremony(ceremony)), (std::vector<std::string>{"run_of_show[0].at", "run_of_show[1].at", "run_of_show[1].title.es"}));
}

TEST(Ceremony, GuestsNeedANameAndAPrecedenceInRange) {
  Guest guest;
  guest.precedence = 0;
  EXPECT_EQ(fields(check_guest(guest)), (std::vector<std::string>{"name", "precedence"}));
  guest.name = "Katya Heron";
  guest.precedence = 3;
  EXPECT_TRUE(check_guest(guest).empty());
  guest.precedence = 1000;
  EXPECT_EQ(fields(check_guest(guest)), std::vector<std::string>{"precedence"});
}

TEST(Ceremony, TheProtocolOrderIsPrecedenceThenNameThenInstitution) {
  std::vector<Guest> guests(4);
  guests[0].name = "María Pérez", guests[0].institution = "MINSA", guests[0].precedence = 2;
  guests[1].name = "Juan Manuel Pino", guests[1].precedence = 1;
  guests[2].name = "María Pérez", guests[2].institution = "MEDUCA", guests[2].precedence = 2;
  guests[3].name = "Elmer Miranda", guests[3].precedence = 2;
  sort_by_precedence(guests);
  EXPECT_EQ(guests[0].name, "Juan Manuel Pino");
  EXPECT_EQ(guests[1].name, "Elmer Miranda");
  EXPECT_EQ(guests[2].institution, "MEDUCA");  // namesakes, told apart by institution
  EXPECT_EQ(guests[3].institution, "MINSA");
}

TEST(Survey, QuestionsNeedBothLanguagesAndAScaleOfTwoPointsOrMore) {
  std::vector<SurveyQuestion> questions(3);
  questions[0].text = {"¿Útil?", "Useful?"};
  questions[1].text = {"", "Quality?"};
  questions[2].text = {"¿Escala?", "Scale?"};
  questions[2].scale_min = 3;
  questions[2].scale_max = 3;
  EXPECT_EQ(fields(check_questions(questions)), (std::vector<std::string>{"questions[1].text.es", "questions[2].scale_max"}));
  questions[2].kind = QuestionKind::open;  // an open question has no scale to check
  questions[1].text.es = "¿Calidad?";
  EXPECT_TRUE(check_questions(questions).empty());
}

}  // namespace
}  // namespace diplomado
