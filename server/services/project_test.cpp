// Final projects through the use cases and both databases: the rubric's lifecycle, submissions
// and versions, conflicts found from the data, reviews, and the ranking computed from storage.
#include "services/add_user.hpp"
#include "services/crypto.hpp"
#include "services/form_teams.hpp"
#include "services/load_programme_seed.hpp"
#include "services/manage_jury.hpp"
#include "services/rank_projects.hpp"
#include "services/score_project.hpp"
#include "services/submit_project.hpp"
#include "storage/test_database.hpp"

namespace diplomado::testing {
namespace {

using std::chrono::seconds;

class ProjectsTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    ASSERT_TRUE(services::initialise_crypto());
    // Two teams: "d" (SENAFRONT + SNM) and "c" (SNM only).
    auto loaded = services::load_programme_seed(store(), given_programme("P1")
                                                             .with_module("Derechos humanos", "Human rights")
                                                             .with_team("d", "Darién", "PA-5", "ana")
                                                             .with_team("c", "Chiriquí", "PA-4", "eva")
                                                             .with_participant("ana", "Ana", "Ábrego", "senafront", "d")
                                                             .with_participant("luis", "Luis", "Soto", "snm", "d")
                                                             .with_participant("eva", "Eva", "Luna", "snm", "c")
                                                             .build(),
                                                now);
    ASSERT_TRUE(loaded) << loaded.error().message_key;
    programme = loaded->programme_id;
    add("coordinacion@example.pa", "coordinator");
    add("ana@example.pa", "participant");
    add("eva@example.pa", "participant");
    coordinator = actor("coordinacion@example.pa");
  }
  void add(const std::string& email, const std::string& role) {
    auto added = services::add_user(store(), {email, "Persona", role, "P1", "correct horse battery"}, now);
    ASSERT_TRUE(added) << added.error().message_key;
  }
  Actor actor(const std::string& email) {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email(email);
    return Actor{user->id, email, "", unit->users().grants(user->id)};
  }
  std::vector<RubricCriterionRecord> two_criteria() {
    return {{0, "gcm", {"Alineación", "Alignment"}, 3, 1, 5, {{5, {"Excelente", "Excellent"}}}}, {0, "clarity", {"Claridad", "Clarity"}, 1, 1, 5, {}}};
  }
  ProjectContent content(std::string title) { return {std::move(title), "p", "o", "t", "h", "e", {23, 1, 1}}; }

  Id programme = 0;
  Actor coordinator;
};

TEST_P(ProjectsTest, TheRubricIsReplacedWithItsVersionAndLockedOnceAReviewIsIn) {
  auto invalid = services::replace_rubric(store(), coordinator, programme, {{0, "a", {"A", "A"}, 1, 1, 5, {}}, {0, "a", {"B", "B"}, 1, 3, 3, {}}}, 1, now);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().details.at(0).code, "duplicate");
  EXPECT_EQ(invalid.error().details.at(1).field, "criteria[1].scale_max");

  auto rubric = services::replace_rubric(store(), coordinator, programme, two_criteria(), 1, now);
  ASSERT_TRUE(rubric) << rubric.error().message_key;
  EXPECT_EQ(rubric->version, 2);
  ASSERT_EQ(rubric->criteria.size(), 2u);
  EXPECT_EQ(rubric->criteria[0].levels.at(0).description.en, "Excellent");
  EXPECT_EQ(services::replace_rubric(store(), coordinator, programme, two_criteria(), 1, now).error().code, ErrorCode::conflict);  // stale

  // A juror from outside both teams' institutions reviews Darién's project; the rubric locks.
  ASSERT_TRUE(services::submit_project(store(), actor("ana@example.pa"), programme, content("Ruta"), now));
  auto juror = services::add_juror(store(), coordinator, programme, {"jurado@example.pa", "Jurado", std::nullopt}, "https://cursos.example.org", now);
  ASSERT_TRUE(juror) << juror.error().message_key;
  {
    // No password shown: the juror is mailed a link to choose one.
    auto unit = store().begin(storage::TransactionMode::read_only);
    const auto mail = unit->users().due_mail(format_iso8601(now), 10);
    ASSERT_EQ(mail.size(), 1u);
    EXPECT_EQ(mail[0].recipient, "jurado@example.pa");
    EXPECT_NE(mail[0].body.find("jurado"), std::string::npos);
  }
  ASSERT_TRUE(services::assign_jurors(store(), coordinator, programme, now));
  const Actor reviewer = actor("jurado@example.pa");
  const auto projects = services::list_projects(store(), reviewer, programme);
  ASSERT_EQ(projects->size(), 1u);
  auto sent = services::submit_review(store(), reviewer, programme, projects->at(0).id, {{{"gcm", 5}, {"clarity", 3}}, {{"gcm", "Bien"}}, 1}, now);
  ASSERT_TRUE(sent) << sent.error().message_key;
  EXPECT_EQ(services::replace_rubric(store(), coordinator, programme, two_criteria(), 2, now).error().message_key, "error.rubric.reviews_exist");

  // The ranking from storage: 100 × (3×1 + 1×0.5) / 4 = 87.5.
  auto ranking = services::get_ranking(store(), coordinator, programme, services::RankingOrder::raw);
  ASSERT_TRUE(ranking);
  ASSERT_EQ(ranking->projects.size(), 1u);
  EXPECT_DOUBLE_EQ(*ranking->projects[0].raw_score, 87.5);
  EXPECT_EQ(ranking->projects[0].rank_raw, 1);
  EXPECT_EQ(ranking->proposed_best, projects->at(0).id);
}

TEST_P(ProjectsTest, SubmissionsKeepVersionsAndJurorsFromAMembersInstitutionAreNeverAssigned) {
  ASSERT_TRUE(services::replace_rubric(store(), coordinator, programme, two_criteria(), 1, now));
  auto first = services::submit_project(store(), actor("ana@example.pa"), programme, content("Ruta"), now);
  ASSERT_TRUE(first) << first.error().message_key;
  EXPECT_EQ(first->project.content.gcm_objectives, (std::vector<int>{1, 23}));  // sorted, once each
  auto second = services::submit_project(store(), actor("ana@example.pa"), programme, content("Ruta, segunda versión"), now + seconds{60});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->versions.size(), 2u);
  EXPECT_EQ(second->project.content.title, "Ruta, segunda versión");
  ASSERT_TRUE(services::submit_project(store(), actor("eva@example.pa"), programme, content("Ventanilla"), now));
  // Eva cannot read Darién's project.
  EXPECT_EQ(services::get_project(store(), actor("eva@example.pa"), programme, first->project.id, now).error().code, ErrorCode::forbidden);

  // An SNM juror conflicts with both teams (each has an SNM member): nothing is assigned.
  auto unit = store().begin(storage::TransactionMode::read_only);
  Id snm = 0;
  for (const auto& institution : unit->people().institutions())
    if (institution.acronym == "SNM") snm = institution.id;
  unit.reset();
  ASSERT_TRUE(services::add_juror(store(), coordinator, programme, {"snm@example.pa", "Jurado SNM", snm}, "https://cursos.example.org", now));
  auto outcome = services::assign_jurors(store(), coordinator, programme, now);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->added, 0);
  EXPECT_EQ(outcome->short_of_jurors.size(), 2u);
  EXPECT_EQ(services::get_review(store(), actor("snm@example.pa"), programme, first->project.id).error().code, ErrorCode::forbidden);

  // The deadline: refused after it, in the programme's time zone, until the coordinator reopens.
  ASSERT_TRUE(services::update_project_settings(store(), coordinator, programme, {"2023-10-04T04:59:59Z", 3, 20}, now));
  const TimePoint late = *parse_iso8601("2023-10-05T00:00:00Z");
  auto refused = services::submit_project(store(), actor("ana@example.pa"), programme, content("Tarde"), late);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().details.at(0).value, "2023-10-03 23:59 (America/Panama, UTC-05:00)");
  ASSERT_TRUE(services::reopen_project(store(), coordinator, programme, first->project.id, second->project.version, late));
  EXPECT_TRUE(services::submit_project(store(), actor("ana@example.pa"), programme, content("Tarde"), late));
}

TEST_P(ProjectsTest, FormationNeedsTeamsAndNamesEveryBadCriterion) {
  services::FormationRequest request;
  request.criteria.gender_weight = -1;
  request.criteria.min_size = 6;
  request.criteria.max_size = 4;
  auto invalid = services::propose_teams(store(), coordinator, programme, request);
  ASSERT_FALSE(invalid);
  ASSERT_EQ(invalid.error().details.size(), 2u);
  EXPECT_EQ(invalid.error().details[0].field, "gender_weight");
  EXPECT_EQ(invalid.error().details[1].field, "max_size");

  // A programme without teams: formation says to create them first.
  auto loaded = services::load_programme_seed(store(), given_programme("Q1").with_participant("x", "Xi", "Yu", "snm", "").build(), now);
  ASSERT_TRUE(loaded) << loaded.error().message_key;
  auto unit = store().begin(storage::TransactionMode::read_write);
  unit->users().add_grant(coordinator.user_id, {Role::coordinator, loaded->programme_id});
  unit->commit();
  unit.reset();
  auto none = services::propose_teams(store(), actor("coordinacion@example.pa"), loaded->programme_id, services::FormationRequest{});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message_key, "error.invalid_input");
  EXPECT_EQ(none.error().details.at(0).message_key, "error.teams.none");
}

INSTANTIATE_TEST_SUITE_P(Backends, ProjectsTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace diplomado::testing
