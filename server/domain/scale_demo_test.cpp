#include "domain/scale_demo.hpp"

#include <gtest/gtest.h>

#include <set>

namespace diplomado {
namespace {

ProgrammeSeed template_seed() {
  ProgrammeSeed seed;
  seed.programme.code = "TPL-1";
  seed.programme.title = {"Plantilla", "Template"};
  seed.programme.country = "CR";
  seed.programme.time_zone = "America/Costa_Rica";
  seed.programme.locale = "es-CR";
  seed.programme.status = ProgrammeStatus::active;
  for (int m = 1; m <= 6; ++m) {
    Module module;
    module.position = m;
    module.title = {"Módulo", "Module"};
    seed.programme.modules.push_back(module);
  }
  seed.subdivisions = {{"CR-SJ", "CR", "San José", "province"}, {"CR-L", "CR", "Limón", "province"}};
  seed.institutions = {{"dgme", {"Dirección General de Migración", "Migration"}, "DGME", "security", "national", "", ""}};
  seed.participants = {{"a", "Ana", "Mora Solís", "female", "a@x.invalid", "dgme", "Oficial", "local", "CR-SJ", EnrollmentStatus::enrolled, "", ""},
                       {"b", "Luis", "Rojas Vega", "male", "b@x.invalid", "dgme", "Inspector", "national", "CR-L", EnrollmentStatus::withdrawn, "Traslado", ""}};
  seed.sessions = {{"s1", 1, {"Sesión", "Session"}, "2025-03-03T15:00:00Z", "2025-03-03T19:00:00Z", "San José"}};
  seed.assessments = {{"M1-Q", 1, "quiz", {"Prueba", "Quiz"}, 20, 1, "2025-03-10"}};
  seed.rubric = {{"gcm", {"Pacto", "Compact"}, 1, 1, 5, {}}};
  seed.jurors_per_project = 2;
  seed.jurors = {{"j", "j@x.invalid", "Jurado", "", {}}};
  seed.projects = {{"", "Título", "Problema", "Objetivos", "Población", "Derechos", "Resultados", {1}}};
  return seed;
}

TEST(ScaleDemo, TheSameSeedMakesTheSameProgrammeAndAnotherSeedAnother) {
  const auto base = template_seed();
  const auto one = scale_programme(base, 7, {.seed = 42, .participants = std::nullopt});
  const auto again = scale_programme(base, 7, {.seed = 42, .participants = std::nullopt});
  const auto other = scale_programme(base, 7, {.seed = 43, .participants = std::nullopt});
  EXPECT_EQ(one.programme.code, "TPL-1-S42-0007");
  ASSERT_EQ(one.participants.size(), again.participants.size());
  for (std::size_t i = 0; i < one.participants.size(); ++i) {
    EXPECT_EQ(one.participants[i].family_names, again.participants[i].family_names);
    EXPECT_EQ(one.participants[i].institution_key, again.participants[i].institution_key);
  }
  ASSERT_EQ(one.grades.size(), again.grades.size());
  for (std::size_t i = 0; i < one.grades.size(); ++i) EXPECT_EQ(one.grades[i].score, again.grades[i].score);
  EXPECT_NE(other.programme.code, one.programme.code);
  bool differs = other.participants.size() != one.participants.size();
  for (std::size_t i = 0; !differs && i < one.grades.size(); ++i) differs = one.grades[i].score != other.grades[i].score;
  EXPECT_TRUE(differs);
}

TEST(ScaleDemo, ProgrammesHaveRealisticSizesAndFitTogether) {
  const auto base = template_seed();
  std::set<std::string> codes;
  for (std::size_t index = 1; index <= 40; ++index) {
    const auto seed = scale_programme(base, index, {.seed = 1, .participants = std::nullopt});
    EXPECT_TRUE(codes.insert(seed.programme.code).second);
    EXPECT_GE(seed.participants.size(), 30u);
    EXPECT_LE(seed.participants.size(), 200u);
    EXPECT_EQ(seed.programme.modules.size(), 6u);
    EXPECT_EQ(seed.teams.size(), seed.participants.size() / 6);
    EXPECT_EQ(seed.projects.size(), seed.teams.size());
    EXPECT_EQ(seed.reviews.size(), seed.teams.size() * 2);
    std::size_t active = 0;
    for (const auto& person : seed.participants) {
      active += person.status != EnrollmentStatus::withdrawn;
      // Names are the template's, recombined; the place is the team's.
      EXPECT_TRUE(person.given_names == "Ana" || person.given_names == "Luis");
      EXPECT_TRUE(person.family_names == "Mora Solís" || person.family_names == "Rojas Vega");
      if (person.status == EnrollmentStatus::withdrawn) {
        EXPECT_EQ(person.withdrawal_reason, "Traslado");
      }
    }
    EXPECT_EQ(seed.grades.size(), active * base.assessments.size());
    auto checked = check_programme_seed(seed);
    EXPECT_TRUE(checked) << (checked ? "" : checked.error().message_key + " " + (checked.error().details.empty() ? "" : checked.error().details[0].value));
  }
}

TEST(ScaleDemo, OneProgrammeOfAHundredThousandEnrolments) {
  const auto seed = scale_programme(template_seed(), 1, {.seed = 1, .participants = 100'000});
  EXPECT_EQ(seed.participants.size(), 100'000u);
  EXPECT_EQ(seed.participants.back().key, "p100000");
  EXPECT_TRUE(check_programme_seed(seed));
}

}  // namespace
}  // namespace diplomado
