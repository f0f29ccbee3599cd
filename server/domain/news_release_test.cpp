#include "domain/news_release.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {

TEST(NewsRelease, ListsJoinAsEachLanguageDoes) {
  EXPECT_EQ(join_list({}, Language::es), "");
  EXPECT_EQ(join_list({"Darién"}, Language::es), "Darién");
  EXPECT_EQ(join_list({"Darién", "Chiriquí"}, Language::es), "Darién y Chiriquí");
  EXPECT_EQ(join_list({"Salud", "Educación", "Trabajo"}, Language::es), "Salud, Educación y Trabajo");
  EXPECT_EQ(join_list({"Salud", "Igualdad"}, Language::es), "Salud e Igualdad");    // "e" before /i/
  EXPECT_EQ(join_list({"Salud", "Hidalgo"}, Language::es), "Salud e Hidalgo");
  EXPECT_EQ(join_list({"Salud", "hielo"}, Language::es), "Salud y hielo");          // "hie" is /je/
  EXPECT_EQ(join_list({"Health", "Education", "Labour"}, Language::en), "Health, Education and Labour");
  EXPECT_EQ(join_list({"Niñez, Adolescencia y Familia", "Salud"}, Language::es), "Niñez, Adolescencia y Familia y Salud");
  EXPECT_EQ(join_list({"A, 1", "B", "C"}, Language::en), "A, 1; B and C");
}

NewsFacts closed_course() {
  NewsFacts facts;
  facts.title = {"Diplomado de prueba", "Test diploma course"};
  facts.objective = {"Formar a profesionales.", "Train professionals."};
  facts.implementer = {"OIM", "IOM"};
  facts.funder = {"Canadá", "Canada"};
  facts.end_date = "2023-10-11";
  facts.closed = true;
  facts.national_level = true;
  facts.modules = {{"Derechos humanos", "Human rights"}, {"Estadística", "Statistics"}};
  facts.graduates = 1;
  facts.institutions = {{"Servicio Nacional de Migración (SNM)", "National Migration Service (SNM)"}};
  facts.projects = 1;
  facts.gcm_objectives = {7};
  facts.best_team = NewsPerson{"Darién — SNM", {}, "Darién"};
  facts.leaders = {{"José Paladín", {"Servicio Nacional de Migración", "National Migration Service"}, "Chiriquí"}};
  Guest minister;
  minister.name = "Juan Manuel Pino";
  minister.title = {"Ministro de Seguridad Pública", "Minister of Public Security"};
  facts.authorities = {minister};
  facts.sdgs = {{16, {"Paz, justicia e instituciones sólidas", "Peace, justice and strong institutions"}}};
  return facts;
}

TEST(NewsRelease, SingularsAreSingularInBothLanguages) {
  const auto es = draft_news(closed_course(), Language::es);
  EXPECT_TRUE(es.missing.empty());
  EXPECT_NE(es.markdown.find("# 1 funcionaria o funcionario se gradúa del Diplomado de prueba"), std::string::npos) << es.markdown;
  EXPECT_NE(es.markdown.find("El 11 de octubre de 2023, OIM concluyó"), std::string::npos) << es.markdown;
  EXPECT_NE(es.markdown.find("Se graduó 1 persona funcionaria de 1 institución: Servicio Nacional de Migración (SNM)."), std::string::npos);
  EXPECT_NE(es.markdown.find("1 propuesta de proyecto"), std::string::npos);
  EXPECT_NE(es.markdown.find("con el objetivo 7"), std::string::npos);
  EXPECT_NE(es.markdown.find("se reconoció a la persona líder de grupo José Paladín (Servicio Nacional de Migración, Chiriquí)."), std::string::npos);
  EXPECT_NE(es.markdown.find("Participó en la ceremonia Juan Manuel Pino (Ministro de Seguridad Pública)."), std::string::npos);
  EXPECT_NE(es.markdown.find("al Objetivo de Desarrollo Sostenible 16"), std::string::npos);
  const auto en = draft_news(closed_course(), Language::en);
  EXPECT_NE(en.markdown.find("# 1 official graduates from the Test diploma course"), std::string::npos) << en.markdown;
  EXPECT_NE(en.markdown.find("1 official from 1 institution graduated"), std::string::npos);
  EXPECT_NE(en.markdown.find("the group leader José Paladín (National Migration Service, Chiriquí)."), std::string::npos);
  EXPECT_NE(en.markdown.find("Sustainable Development Goal 16 (Peace"), std::string::npos);
}

TEST(NewsRelease, AnOpenCourseNamesEveryMissingFactAndInventsNone) {
  NewsFacts facts;
  facts.title = {"Diplomado", "Course"};
  facts.implementer = {"OIM", "IOM"};
  facts.end_date = "2023-10-11";
  const auto draft = draft_news(facts, Language::es);
  EXPECT_EQ(draft.missing, (std::vector<std::string>{"news.missing.graduates", "news.missing.funder", "news.missing.closed", "news.missing.objective",
                                                     "news.missing.audience", "news.missing.modules", "news.missing.projects", "news.missing.leaders",
                                                     "news.missing.guests"}));
  EXPECT_NE(draft.markdown.find("[pendiente: personas graduadas]"), std::string::npos);
  EXPECT_EQ(draft.markdown.find(" 0 "), std::string::npos) << "no zero presented as a fact";
  EXPECT_EQ(draft.markdown.find("11 de octubre"), std::string::npos) << "an open course has not ended on its planned date";
}

}  // namespace
}  // namespace diplomado
