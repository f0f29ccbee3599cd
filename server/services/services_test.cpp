#include <nlohmann/json.hpp>

#include "services/store.hpp"
#include "services/add_user.hpp"
#include "services/account_links.hpp"
#include "services/close_programme.hpp"
#include "services/authenticate.hpp"
#include "services/crypto.hpp"
#include "services/decide_graduation.hpp"
#include "services/issue_certificates.hpp"
#include "services/get_gradebook.hpp"
#include "services/get_programme.hpp"
#include "services/initialise_site.hpp"
#include "services/list_participants.hpp"
#include "services/list_programmes.hpp"
#include "services/read_cache.hpp"
#include "services/list_teams.hpp"
#include "services/manage_assessments.hpp"
#include "services/manage_users.hpp"
#include "services/load_programme_seed.hpp"
#include "services/session_cache.hpp"
#include "services/sign_in.hpp"
#include "services/sign_out.hpp"
#include "storage/test_database.hpp"

namespace diplomado::testing {
namespace {

using std::chrono::seconds;

class ServicesTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    ASSERT_TRUE(services::initialise_crypto());
  }
  Id load_small_programme(const std::string& code) {
    auto loaded = services::load_programme_seed(store(), given_programme(code)
                                                             .with_module("Derechos humanos", "Human rights")
                                                             .with_team("t", "Darién", "PA-5", code + "p1")
                                                             .with_participant(code + "p1", "Ana", "Ábrego", "senafront", "t")
                                                             .build(),
                                                now);
    EXPECT_TRUE(loaded);
    return loaded->programme_id;
  }
  void add(const std::string& email, const std::string& role, const std::string& programme) {
    auto added = services::add_user(store(), {email, "Persona", role, programme, "correct horse battery"}, now);
    ASSERT_TRUE(added) << added.error().message_key;
  }
};

TEST_P(ServicesTest, SignInThenAuthenticateThenSignOut) {
  add("Coordinacion@Example.pa", "coordinator", "");
  services::SignInGuard guard;
  auto signed_in = services::sign_in(store(), guard, {"coordinacion@example.pa", "correct horse battery", "127.0.0.1"}, now);
  ASSERT_TRUE(signed_in) << signed_in.error().message_key;
  EXPECT_EQ(signed_in->actor.email, "coordinacion@example.pa");
  ASSERT_EQ(signed_in->actor.grants.size(), 1u);
  EXPECT_FALSE(signed_in->actor.grants[0].programme_id);

  services::SessionCache cache(seconds{30});
  auto authenticated = services::authenticate(store(), cache, signed_in->session_token, now + seconds{60});
  ASSERT_TRUE(authenticated);
  EXPECT_EQ(authenticated->csrf_token, signed_in->csrf_token);
  EXPECT_EQ(cache.size(), 1u);
  // From the cache, and past the session's end not even the cache answers.
  EXPECT_TRUE(services::authenticate(store(), cache, signed_in->session_token, now + seconds{61}));
  EXPECT_FALSE(services::authenticate(store(), cache, signed_in->session_token, now + services::session_lifetime + seconds{1}));
  EXPECT_FALSE(services::authenticate(store(), cache, "not-a-token", now));

  ASSERT_TRUE(services::sign_out(store(), cache, authenticated->actor, signed_in->session_token, now));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_FALSE(services::authenticate(store(), cache, signed_in->session_token, now));
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->audit().count("session.sign_in"), 1);
  EXPECT_EQ(unit->audit().count("session.sign_out"), 1);
}

TEST_P(ServicesTest, WrongPasswordAndUnknownEmailFailAlikeAndAreThrottled) {
  add("ana@example.pa", "coordinator", "");
  const ThrottlePolicy one_free{.free_attempts = 1, .first_delay = seconds{30}};
  services::SignInGuard guard({.per_pair = one_free, .per_address = one_free, .per_account = one_free});
  auto wrong_password = services::sign_in(store(), guard, {"ana@example.pa", "wrong password!", "10.0.0.1"}, now);
  auto unknown = services::sign_in(store(), guard, {"nobody@example.pa", "wrong password!", "10.0.0.2"}, now);
  ASSERT_FALSE(wrong_password);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong_password.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(wrong_password.error().message_key, unknown.error().message_key);

  ASSERT_FALSE(services::sign_in(store(), guard, {"ana@example.pa", "wrong again!!", "10.0.0.1"}, now));
  // Past the free attempts the failing address waits, even with the right password, and the wait is told.
  auto throttled = services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.1"}, now);
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::too_many_requests);
  EXPECT_EQ(throttled.error().retry_after_seconds, 30);
  // The owner, from an address that has not been failing, gets in at once: the attacker's failures cost the attacker.
  EXPECT_TRUE(services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.3"}, now));
  EXPECT_TRUE(services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.1"}, now + seconds{31}));
}

// Issue 16: the counts live in the database. A second server (another store on the same
// database, with a guard of its own) and a restarted one (a new guard) see the same failures;
// the table keeps digests, neither the e-mail nor the address.
TEST_P(ServicesTest, TheThrottleIsSharedByEveryServerAndSurvivesARestart) {
  add("ana@example.pa", "coordinator", "");
  const ThrottlePolicy one_free{.free_attempts = 1, .first_delay = seconds{30}};
  const SignInGatePolicy policy{.per_pair = one_free, .per_address = one_free, .per_account = one_free};
  services::SignInGuard first(policy);
  ASSERT_FALSE(services::sign_in(store(), first, {"ana@example.pa", "wrong password!", "10.0.0.1"}, now));
  ASSERT_FALSE(services::sign_in(store(), first, {"ana@example.pa", "wrong again!!", "10.0.0.1"}, now));

  auto other = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(other);
  services::SignInGuard second(policy);  // another server, or this one after a restart
  auto throttled = services::sign_in(*other->store, second, {"ana@example.pa", "correct horse battery", "10.0.0.1"}, now + seconds{5});
  ASSERT_FALSE(throttled);
  EXPECT_EQ(throttled.error().code, ErrorCode::too_many_requests);
  EXPECT_EQ(throttled.error().retry_after_seconds, 25);
  EXPECT_TRUE(services::sign_in(*other->store, second, {"ana@example.pa", "correct horse battery", "10.0.0.3"}, now + seconds{5}));

  auto sql = raw_session();
  int rows = 0, plain = 0;
  sql << "SELECT COUNT(*) FROM sign_in_failure", soci::into(rows);
  sql << "SELECT COUNT(*) FROM sign_in_failure WHERE key_digest LIKE '%ana%' OR key_digest LIKE '%10.0.0%'", soci::into(plain);
  EXPECT_EQ(rows, 3);  // the pair, the address and the account
  EXPECT_EQ(plain, 0);

  // Success from the failing address (once its wait is over) clears that address's pair count.
  EXPECT_TRUE(services::sign_in(*other->store, second, {"ana@example.pa", "correct horse battery", "10.0.0.1"}, now + seconds{31}));
  sql << "SELECT COUNT(*) FROM sign_in_failure WHERE scope = 'pair'", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST_P(ServicesTest, AccountsWithoutAPasswordRefuseEveryPassword) {
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->users().insert({"jurado@example.pa", "Jurado", "!", format_iso8601(now)});
    unit->commit();
  }
  services::SignInGuard guard;
  for (const auto* password : {"!", "x", "correct horse battery"}) {
    auto refused = services::sign_in(store(), guard, {"jurado@example.pa", password, "10.0.0.9"}, now);
    ASSERT_FALSE(refused) << password;
  }
}

// Issue 15: the account lifecycle, on both databases. Disabling ends sessions at once; a reset
// password ends them too; the last site coordinator cannot be disabled or lose the grant; the
// audit keeps before and after, and its rows can be neither changed nor deleted.
TEST_P(ServicesTest, AccountLifecycleEndsSessionsAndKeepsOneSiteCoordinator) {
  add("jefa@example.pa", "coordinator", "");
  add("ana@example.pa", "observer", "");
  load_small_programme("P1");
  services::SignInGuard guard;
  services::SessionCache cache(seconds{30});
  const auto boss = services::sign_in(store(), guard, {"jefa@example.pa", "correct horse battery", "10.0.0.1"}, now);
  const auto ana = services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.2"}, now);
  ASSERT_TRUE(boss && ana);
  ASSERT_TRUE(services::authenticate(store(), cache, ana->session_token, now));
  const services::Operator by = boss->actor;
  const Id ana_id = ana->actor.user_id;

  // Disabled: the old session is refused at once (cache included) and so is the password.
  ASSERT_TRUE(services::set_user_disabled(store(), cache, by, ana_id, true, now));
  EXPECT_FALSE(services::authenticate(store(), cache, ana->session_token, now));
  EXPECT_FALSE(services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.2"}, now));
  ASSERT_TRUE(services::set_user_disabled(store(), cache, by, ana_id, false, now));
  EXPECT_TRUE(services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.2"}, now));

  // Nobody disables themselves; the last site coordinator keeps the grant.
  EXPECT_EQ(services::set_user_disabled(store(), cache, by, boss->actor.user_id, true, now).error().message_key, "error.user.not_yourself");
  auto boss_view = services::find_user(store(), boss->actor.user_id);
  ASSERT_TRUE(boss_view);
  EXPECT_EQ(services::revoke_role(store(), cache, by, boss->actor.user_id, boss_view->grants.at(0).id, now).error().message_key,
            "error.user.last_site_coordinator");

  // A second role in a programme; the same twice is refused; revoking removes it.
  auto granted = services::grant_role(store(), cache, by, ana_id, "juror", "P1", now);
  ASSERT_TRUE(granted) << granted.error().message_key;
  ASSERT_EQ(granted->grants.size(), 2u);
  EXPECT_EQ(granted->grants[1].programme_code, "P1");
  EXPECT_EQ(services::grant_role(store(), cache, by, ana_id, "juror", "P1", now).error().details.at(0).code, "already_granted");
  EXPECT_EQ(services::grant_role(store(), cache, by, ana_id, "juror", "NOPE", now).error().details.at(0).field, "programme");
  EXPECT_EQ(services::grant_role(store(), cache, by, ana_id, "admin", "", now).error().details.at(0).field, "role");
  auto revoked = services::revoke_role(store(), cache, by, ana_id, granted->grants[1].id, now);
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->grants.size(), 1u);

  // A reset: a weak chosen password is refused naming why; a generated one works and ends sessions.
  const auto again = services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.2"}, now);
  ASSERT_TRUE(again);
  EXPECT_EQ(services::reset_password(store(), cache, by, ana_id, std::string("passwordpassword"), now).error().details.at(0).code,
            "repetitive_password");
  auto reset = services::reset_password(store(), cache, by, ana_id, std::nullopt, now);
  ASSERT_TRUE(reset);
  EXPECT_FALSE(services::authenticate(store(), cache, again->session_token, now));
  const auto with_new = services::sign_in(store(), guard, {"ana@example.pa", reset->password, "10.0.0.2"}, now);
  ASSERT_TRUE(with_new);

  // The owner changes it: the current one is required; this session stays, the others end.
  const auto other_device = services::sign_in(store(), guard, {"ana@example.pa", reset->password, "10.0.0.3"}, now);
  ASSERT_TRUE(other_device);
  EXPECT_EQ(services::change_own_password(store(), cache, with_new->actor, "wrong", "Río Chucunaque al amanecer", with_new->session_token, now)
                .error().details.at(0).field, "current_password");
  EXPECT_EQ(services::change_own_password(store(), cache, with_new->actor, reset->password, "ana@example.pa-2024", with_new->session_token, now)
                .error().details.at(0).code, "personal_password");
  ASSERT_TRUE(services::change_own_password(store(), cache, with_new->actor, reset->password, "Río Chucunaque al amanecer", with_new->session_token, now));
  EXPECT_TRUE(services::authenticate(store(), cache, with_new->session_token, now));
  EXPECT_FALSE(services::authenticate(store(), cache, other_device->session_token, now));

  auto unit = store().begin(storage::TransactionMode::read_write);
  EXPECT_EQ(unit->audit().count("user.disable"), 1);
  EXPECT_EQ(unit->audit().count("user.grant"), 1);
  EXPECT_EQ(unit->audit().count("user.revoke"), 1);
  EXPECT_EQ(unit->audit().count("user.password_reset"), 1);
  EXPECT_EQ(unit->audit().count("user.password_change"), 1);
  const auto disable = nlohmann::json::parse(unit->audit().details("user.disable").at(0));
  EXPECT_EQ(disable["before"]["disabled"], false);
  EXPECT_EQ(disable["after"]["disabled"], true);
  for (const auto& details : unit->audit().details("user.password_reset")) EXPECT_EQ(details.find(reset->password), std::string::npos);
}

TEST_P(ServicesTest, AuditEventsCanBeNeitherChangedNorDeleted) {
  add("jefa@example.pa", "coordinator", "");
  auto sql = raw_session();
  EXPECT_ANY_THROW(sql << "UPDATE audit_event SET action = 'x'");
  EXPECT_ANY_THROW(sql << "DELETE FROM audit_event");
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->audit().count("user.create"), 1);
}

TEST_P(ServicesTest, AnIdleSessionEndsAndABusyOneLives) {
  add("ana@example.pa", "observer", "");
  services::SignInGuard guard;
  const auto signed_in = services::sign_in(store(), guard, {"ana@example.pa", "correct horse battery", "10.0.0.2"}, now);
  ASSERT_TRUE(signed_in);
  services::SessionCache no_cache(seconds{0});
  // Seen every 50 minutes, it lives on; then 61 minutes of nothing end it, before its 12 hours.
  auto at = now;
  for (int i = 0; i < 4; ++i) {
    at += std::chrono::minutes{50};
    EXPECT_TRUE(services::authenticate(store(), no_cache, signed_in->session_token, at)) << i;
  }
  EXPECT_FALSE(services::authenticate(store(), no_cache, signed_in->session_token, at + std::chrono::minutes{61}));
}

TEST_P(ServicesTest, PasswordsAreStoredAsArgon2idHashes) {
  add("ana@example.pa", "observer", "");
  auto unit = store().begin(storage::TransactionMode::read_only);
  auto user = unit->users().find_by_email("ana@example.pa");
  ASSERT_TRUE(user);
  EXPECT_TRUE(user->password_hash.starts_with("$argon2id$")) << user->password_hash.substr(0, 10);
  EXPECT_EQ(user->password_hash.find("correct horse battery"), std::string::npos);
}

TEST_P(ServicesTest, AddUserNamesEveryBadField) {
  auto added = services::add_user(store(), {"not-an-email", "", "admin", "", "short"}, now);
  ASSERT_FALSE(added);
  std::vector<std::string> fields;
  for (const auto& detail : added.error().details) fields.push_back(detail.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"email", "name", "role", "password"}));

  auto unknown_programme = services::add_user(store(), {"a@example.pa", "A", "instructor", "NOPE", "correct horse battery"}, now);
  ASSERT_FALSE(unknown_programme);
  EXPECT_EQ(unknown_programme.error().details.at(0).field, "programme");

  add("a@example.pa", "observer", "");
  {
    // Only the user that was made is in the audit; the refused ones left nothing.
    auto unit = store().begin(storage::TransactionMode::read_only);
    EXPECT_EQ(unit->audit().count("user.create"), 1);
    EXPECT_EQ(unit->users().count(), 1);
  }
  auto duplicate = services::add_user(store(), {"A@example.pa", "A", "observer", "", "correct horse battery"}, now);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().details.at(0).code, "duplicate");
}

TEST_P(ServicesTest, InitialiseSiteCreatesOneCoordinatorWithAGeneratedPassword) {
  auto first = services::initialise_site(store(), "coordinacion@diplomado.local", "", now);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->created);
  EXPECT_GE(first->password.size(), 20u);
  services::SignInGuard guard;
  EXPECT_TRUE(services::sign_in(store(), guard, {first->email, first->password, "127.0.0.1"}, now));
  auto second = services::initialise_site(store(), "other@diplomado.local", "Otra", now);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->created);
  EXPECT_TRUE(second->password.empty());
  EXPECT_NE(services::initialise_site(store(), "x@y.pa", "", now)->password, first->password);
}

TEST_P(ServicesTest, RolesDecideWhatEachUserSees) {
  const auto first = load_small_programme("ONE");
  const auto second = load_small_programme("TWO");
  add("coordinator@example.pa", "coordinator", "ONE");
  add("observer@example.pa", "observer", "ONE");
  add("leader@example.pa", "group_leader", "ONE");
  add("site@example.pa", "coordinator", "");
  services::SignInGuard guard;
  auto actor_for = [&](const std::string& email) {
    return services::sign_in(store(), guard, {email, "correct horse battery", "127.0.0.1"}, now)->actor;
  };
  const auto coordinator = actor_for("coordinator@example.pa");
  const auto observer = actor_for("observer@example.pa");
  const auto leader = actor_for("leader@example.pa");
  const auto site = actor_for("site@example.pa");
  // One cache for everyone, as in the server: what one role put in it must not reach another.
  services::ReadCache cache;

  const auto theirs = services::list_programmes(store(), coordinator)->items;
  const auto every = services::list_programmes(store(), site)->items;
  ASSERT_EQ(theirs.size(), 1u);
  ASSERT_EQ(every.size(), 2u);
  // Read by id for a programme's own coordinator, a page from the database for the site's: the
  // same summary.
  const auto same = std::ranges::find(every, theirs.front().id, &ProgrammeSummary::id);
  ASSERT_NE(same, every.end());
  EXPECT_EQ(theirs.front().code, "ONE");
  EXPECT_EQ(theirs.front().title.en, same->title.en);
  EXPECT_EQ(theirs.front().end_date, same->end_date);
  EXPECT_EQ(theirs.front().status, same->status);
  // Pages and the search: one a page, the second page holds the other; a word of a title finds
  // it whatever its accents and case.
  const auto first_page = services::list_programmes(store(), site, {{1, 1}, ""});
  const auto second_page = services::list_programmes(store(), site, {{2, 1}, ""});
  ASSERT_EQ(first_page->items.size(), 1u);
  ASSERT_EQ(second_page->items.size(), 1u);
  EXPECT_EQ(first_page->total, 2);
  EXPECT_NE(first_page->items[0].id, second_page->items[0].id);
  const auto found = services::list_programmes(store(), site, {{1, 50}, "  one "});
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].code, "ONE");
  EXPECT_EQ(found->total, 1);
  EXPECT_TRUE(services::list_programmes(store(), coordinator, {{1, 50}, "TWO"})->items.empty());
  EXPECT_TRUE(services::get_programme(store(), cache, observer, first));
  EXPECT_EQ(services::get_programme(store(), cache, coordinator, second).error().code, ErrorCode::not_found);
  EXPECT_EQ(services::get_programme(store(), cache, site, 999999).error().code, ErrorCode::not_found);

  EXPECT_TRUE(services::list_participants(store(), cache, coordinator, first, {}, {}));
  EXPECT_TRUE(services::list_participants(store(), cache, leader, first, {}, {}));
  EXPECT_EQ(services::list_participants(store(), cache, observer, first, {}, {}).error().code, ErrorCode::forbidden);
  EXPECT_EQ(services::list_participants(store(), cache, coordinator, second, {}, {}).error().code, ErrorCode::not_found);
  // The donor reads the teams without a name; the group leader sees who leads (issue 15).
  auto teams = services::list_teams(store(), cache, observer, first);
  ASSERT_TRUE(teams);
  EXPECT_EQ((*teams)->at(0).leader_name, "");
  EXPECT_FALSE((*teams)->at(0).leader_enrollment_id);
  auto for_leader = services::list_teams(store(), cache, leader, first);
  ASSERT_TRUE(for_leader);
  EXPECT_EQ((*for_leader)->at(0).leader_name, "Ana Ábrego");
}

// Adds one enrolment to a programme straight through the repositories: a write the services
// do not know about, as an import or another process would make.
void enrol_one_more(storage::Store& store, Id programme_id, const std::string& key) {
  auto unit = store.begin(storage::TransactionMode::read_write);
  ParticipantSeed person{key, "Nueva", "Persona", "female", key + "@example.pa", "", "", "local", "", EnrollmentStatus::enrolled, "", ""};
  const auto institution = unit->people().find_or_insert_institution({"snm", {"Servicio Nacional de Migración", "National Migration Service"}, "SNM", "", "national", "", ""});
  const auto person_id = unit->people().insert_person(person, institution);
  unit->programmes().insert_enrollment(programme_id, person_id, person, std::nullopt);
  unit->commit();
}

// A request's first read-only unit takes the data counter read with the session counter; any
// later unit, and any unit after a write, reads its own (PostgreSQL; SQLite reads data_version).
TEST_P(ServicesTest, OnlyARequestsFirstUnitTakesTheCounterReadWithTheSession) {
  const auto read_generation = [&] {
    auto number = store().begin(storage::TransactionMode::read_only)->data_generation();
    return number ? *number : *store().begin(storage::TransactionMode::read_only)->data_generation();
  };
  const auto real = read_generation();
  const std::uint64_t seen = real + 1000;  // a number the database never gave, to tell them apart
  services::RequestStore request(store());
  request.saw_data_changes(seen);
  if (GetParam() == "sqlite") {
    // SQLite's units read PRAGMA data_version themselves: a number from outside is not used.
    EXPECT_EQ(request.begin(storage::TransactionMode::read_only)->data_generation(), real);
    return;
  }
  EXPECT_EQ(request.begin(storage::TransactionMode::read_only)->data_generation(), seen);
  EXPECT_EQ(request.begin(storage::TransactionMode::read_only)->data_generation(), real);

  services::RequestStore writing(store());
  writing.saw_data_changes(seen);
  { auto unit = writing.begin(storage::TransactionMode::read_write); }
  EXPECT_EQ(writing.begin(storage::TransactionMode::read_only)->data_generation(), real);
}

TEST_P(ServicesTest, CachedReadsFollowEveryWriteHereAndInOtherProcesses) {
  const auto programme = load_small_programme("ONE");
  add("coordinator@example.pa", "coordinator", "ONE");
  services::SignInGuard guard;
  const auto coordinator = services::sign_in(store(), guard, {"coordinator@example.pa", "correct horse battery", "127.0.0.1"}, now)->actor;
  services::ReadCache cache;
  const auto enrollments = [&] { return (*services::get_programme(store(), cache, coordinator, programme))->counts.enrollments; };
  const auto participants = [&] { return (*services::list_participants(store(), cache, coordinator, programme, {}, {}))->total; };

  const auto first = *services::get_programme(store(), cache, coordinator, programme);
  const auto again = *services::get_programme(store(), cache, coordinator, programme);
  // Both databases can tell when data changed (SQLite's data_version; PostgreSQL's change
  // counter, issue 16), so the second read is served from the cache.
  EXPECT_EQ(first.get(), again.get());
  EXPECT_EQ(enrollments(), 1);
  EXPECT_EQ(participants(), 1);

  enrol_one_more(store(), programme, "here");
  EXPECT_EQ(enrollments(), 2);
  EXPECT_EQ(participants(), 2);

  // Another process: a store of its own on the same database.
  auto other = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(other);
  enrol_one_more(*other->store, programme, "elsewhere");
  EXPECT_EQ(enrollments(), 3);
  EXPECT_EQ(participants(), 3);
  auto teams = services::list_teams(store(), cache, coordinator, programme);
  ASSERT_TRUE(teams);
  EXPECT_EQ((*teams)->size(), 1u);
}

TEST_P(ServicesTest, ParticipantsSeeTheirOwnProgressAndGroupLeadersTheirTeams) {
  auto seed = given_programme("P1")
                  .with_module("Derechos humanos", "Human rights")
                  .with_team("t", "Darién", "PA-5", "lead")
                  .with_participant("lead", "Ana", "Ábrego", "senafront", "t")
                  .with_participant("mate", "Luis", "Soto", "snm", "t")
                  .with_participant("other", "Eva", "Luna", "snm", "")
                  .build();
  seed.programme.modules[0].weight = 1;
  seed.assessments = {{"M1-Q", 1, "quiz", {"Cuestionario", "Quiz"}, 10, 1, ""}};
  seed.grades = {{"lead", "M1-Q", 9}, {"mate", "M1-Q", 6}, {"other", "M1-Q", 8}};
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(loaded) << loaded.error().message_key;
  add("lead@example.pa", "group_leader", "P1");
  add("MATE@example.pa", "participant", "P1");
  add("nobody@example.pa", "participant", "P1");
  const auto actor = [&](const std::string& email) {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email(email);
    return Actor{user->id, email, "", unit->users().grants(user->id)};
  };
  // SeedBuilder gives each participant the e-mail <key>@example.pa; matching ignores case.
  auto mine = services::get_my_progress(store(), actor("mate@example.pa"), loaded->programme_id);
  ASSERT_TRUE(mine) << mine.error().message_key;
  EXPECT_EQ(mine->row.enrollment.family_names, "Soto");
  EXPECT_EQ(mine->row.progress.module_grades[0], 60.0);
  EXPECT_FALSE(mine->row.progress.module_passed[0]);
  EXPECT_EQ(services::get_my_progress(store(), actor("nobody@example.pa"), loaded->programme_id).error().code, ErrorCode::not_found);

  auto team = services::get_team_progress(store(), actor("lead@example.pa"), loaded->programme_id);
  ASSERT_TRUE(team);
  ASSERT_EQ(team->rows.size(), 2u);  // Eva is in no team
  EXPECT_TRUE(team->rows[0].enrollment.email.empty());
  EXPECT_EQ(services::get_team_progress(store(), actor("mate@example.pa"), loaded->programme_id).error().code, ErrorCode::forbidden);
}

// Graduation (issue 13): an override either way is justified and audited, a withdrawn enrolment
// never graduates, and the class graduates in one transaction with one audit event per person.
// The survey (issue 14): answered once, and nothing on file ties an answer to who gave it.
TEST_P(ServicesTest, SurveyAnswersAreKeptApartFromWhoAnsweredAndGivenOnce) {
  auto seed = given_programme("S1")
                  .with_module("Derechos humanos", "Human rights")
                  .with_participant("s1a", "Ana", "Ábrego", "senafront", "")
                  .with_participant("s1b", "Luis", "Soto", "snm", "")
                  .build();
  seed.survey_questions = {{0, QuestionKind::likert, {"¿Útil?", "Useful?"}, 1, 5}, {0, QuestionKind::open, {"¿Qué mejoraría?", "What would you improve?"}, 1, 5}};
  ASSERT_TRUE(services::load_programme_seed(store(), seed, now));
  add("s1a@example.pa", "participant", "S1");
  add("s1b@example.pa", "participant", "S1");
  add("coordinacion@example.pa", "coordinator", "S1");
  const auto actor = [&](const std::string& email) {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email(email);
    return Actor{user->id, email, "", unit->users().grants(user->id)};
  };
  const Id programme = *services::find_programme_by_code(store(), "S1");
  const auto survey = services::get_survey(store(), actor("coordinacion@example.pa"), programme);
  ASSERT_TRUE(survey);
  ASSERT_EQ(survey->questions.size(), 2u);
  const Id likert = survey->questions[0].id, open = survey->questions[1].id;

  // Bad answers are named and nothing is written.
  auto bad = services::answer_survey(store(), actor("s1a@example.pa"), programme, {{likert, 7, ""}, {open, std::nullopt, "x"}, {999999, 3, ""}}, now);
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().details.size(), 2u);
  EXPECT_EQ(bad.error().details[0].field, "answers[0].value");
  EXPECT_EQ(bad.error().details[1].field, "answers[2].question_id");
  ASSERT_TRUE(services::answer_survey(store(), actor("s1a@example.pa"), programme, {{likert, 5, ""}, {open, std::nullopt, "Más práctica"}}, now));
  auto twice = services::answer_survey(store(), actor("s1a@example.pa"), programme, {{likert, 1, ""}}, now);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().message_key, "error.survey.already_answered");
  ASSERT_TRUE(services::answer_survey(store(), actor("s1b@example.pa"), programme, {{likert, 3, ""}}, now));

  const auto results = services::get_survey(store(), actor("coordinacion@example.pa"), programme);
  EXPECT_EQ(results->respondents, 2);
  EXPECT_EQ(results->results[0].counts, (std::vector<std::int64_t>{0, 0, 1, 0, 1}));
  EXPECT_DOUBLE_EQ(*results->results[0].mean, 4);
  EXPECT_EQ(results->results[1].texts, std::vector<std::string>{"Más práctica"});
  // The participant reads that they answered, not what anyone answered.
  const auto mine = services::get_survey(store(), actor("s1a@example.pa"), programme);
  EXPECT_EQ(mine->answered, std::optional<bool>(true));
  EXPECT_TRUE(mine->results.empty());
  // The audit says that someone answered, and nothing of what (the service records it without an actor).
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->audit().count("survey.answer"), 2);
  for (const auto& details : unit->audit().details("survey.answer")) EXPECT_EQ(details, "{}");
  // Questions no longer change once answered.
  unit.reset();
  EXPECT_FALSE(services::save_survey_questions(store(), actor("coordinacion@example.pa"), programme, {}, now));
}

TEST_P(ServicesTest, GraduationOverridesAndTheClassGraduationAreAudited) {
  auto seed = given_programme("G1")
                  .with_module("Derechos humanos", "Human rights")
                  .with_participant("passes", "Ana", "Ábrego", "senafront", "")
                  .with_participant("fails", "Luis", "Soto", "snm", "")
                  .with_participant("left", "Eva", "Luna", "snm", "", EnrollmentStatus::withdrawn, "traslado")
                  .build();
  seed.programme.modules[0].weight = 1;
  seed.assessments = {{"M1-Q", 1, "quiz", {"Cuestionario", "Quiz"}, 10, 1, ""}};
  seed.grades = {{"passes", "M1-Q", 9}, {"fails", "M1-Q", 6}};
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(loaded) << (loaded.error().details.empty() ? loaded.error().message_key : loaded.error().details[0].field + " " + loaded.error().details[0].message_key);
  const Id programme = loaded->programme_id;
  add("coordinacion@example.pa", "coordinator", "G1");
  Actor coordinator;
  {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email("coordinacion@example.pa");
    coordinator = Actor{user->id, "coordinacion@example.pa", "", unit->users().grants(user->id)};
  }
  auto before = services::get_eligibility(store(), coordinator, programme, {});
  ASSERT_TRUE(before);
  ASSERT_EQ(before->rows.size(), 3u);
  const auto id_of = [&](const std::string& family) {
    for (const auto& row : before->rows)
      if (row.row.enrollment.family_names == family) return row.row.enrollment.enrollment_id;
    return Id{0};
  };
  EXPECT_EQ(before->counts.eligible, 1);

  const auto withdrawn = services::set_graduation_override(store(), coordinator, programme, id_of("Luna"), GraduationOverride::graduate,
                                                           "Volvió por otra vía al programa", now);
  ASSERT_FALSE(withdrawn);
  EXPECT_EQ(withdrawn.error().message_key, "error.graduation.withdrawn");
  const std::string why = "Aprobó el examen de recuperación \"oral\"";
  ASSERT_TRUE(services::set_graduation_override(store(), coordinator, programme, id_of("Soto"), GraduationOverride::graduate, why, now));

  auto dry = services::graduate_class(store(), coordinator, programme, services::DryRun::yes, now);
  ASSERT_TRUE(dry);
  EXPECT_EQ(dry->graduates.size(), 2u);
  auto done = services::graduate_class(store(), coordinator, programme, services::DryRun::no, now);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->graduates.size(), 2u);
  auto after = services::get_eligibility(store(), coordinator, programme, {});
  EXPECT_EQ(after->counts.graduated, 2);
  EXPECT_EQ(after->counts.withdrawn, 1);

  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->audit().count("enrollment.graduate"), 2);
  EXPECT_EQ(unit->audit().count("graduation.decide"), 1);
  const auto overrides = unit->audit().details("graduation.override");
  ASSERT_EQ(overrides.size(), 1u);
  const auto parsed = nlohmann::json::parse(overrides[0], nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << overrides[0];
  EXPECT_EQ(parsed.at("decision"), "graduate");
  EXPECT_EQ(parsed.at("justification"), why);
}

// Certificates (issue 13): a name corrected after issue keeps the serial with a new version, the
// old version is superseded and the public check shows the new one; a withdrawn enrolment gets
// nothing; without signatories nothing is issued.
TEST_P(ServicesTest, ACorrectedNameKeepsTheSerialWithANewVersion) {
  auto seed = given_programme("C1")
                  .with_module("Derechos humanos", "Human rights")
                  .with_participant("ana", "Ana", "Abrego", "senafront", "", EnrollmentStatus::graduated)
                  .with_participant("eva", "Eva", "Luna", "snm", "", EnrollmentStatus::withdrawn, "traslado")
                  .build();
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(loaded) << loaded.error().message_key;
  const Id programme = loaded->programme_id;
  add("coordinacion@example.pa", "coordinator", "C1");
  Actor coordinator;
  {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email("coordinacion@example.pa");
    coordinator = Actor{user->id, "coordinacion@example.pa", "", unit->users().grants(user->id)};
  }
  const auto refused = services::issue_certificates(store(), coordinator, programme, "https://d.example", now);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message_key, "error.certificate.no_signatories");
  ASSERT_TRUE(services::update_certificate_settings(store(), coordinator, programme, CertificateLayout::bilingual,
                                                    {{"Dirección", {"Directora", "Director"}}}, now));
  auto first = services::issue_certificates(store(), coordinator, programme, "https://d.example", now);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->issued, 1);  // Ana; Eva is withdrawn
  auto issued = services::list_certificates(store(), coordinator, programme);
  ASSERT_TRUE(issued);
  ASSERT_EQ(issued->size(), 1u);
  const auto serial = issued->front().serial;
  EXPECT_EQ(issued->front().holder_name, "Ana Abrego");

  // The name is corrected (as a new nominations file would): accents restored.
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    auto book = services::read_gradebook(*unit, programme);
    ASSERT_TRUE(book);
    const auto& row = book->rows.front().enrollment.family_names == "Abrego" ? book->rows.front() : book->rows.back();
    ImportedPerson corrected;
    corrected.given_names = "Ana";
    corrected.family_names = "Ábrego";
    corrected.sex = "female";
    corrected.email = "ana@example.pa";
    corrected.institution_id = unit->people().institutions().front().id;
    corrected.level = "local";
    corrected.subdivision_code = "PA-5";
    unit->people().update_person(row.enrollment.person_id, corrected);
    unit->commit();
  }
  auto second = services::issue_certificates(store(), coordinator, programme, "https://d.example", now + std::chrono::hours{24});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->reissued, 1);
  EXPECT_EQ(second->issued, 0);
  auto versions = services::list_certificates(store(), coordinator, programme);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].serial, serial);
  EXPECT_EQ((*versions)[1].serial, serial);
  EXPECT_EQ(state_of((*versions)[0]), CertificateState::superseded);
  EXPECT_EQ((*versions)[1].version, 2);
  EXPECT_EQ((*versions)[1].holder_name, "Ana Ábrego");
  auto check = services::verify_certificate(store(), serial);
  ASSERT_TRUE(check);
  EXPECT_EQ(check->state, CertificateState::valid);
  EXPECT_EQ(check->version, 2);
  EXPECT_EQ(check->holder_name, "Ana Ábrego");
  EXPECT_FALSE(services::verify_certificate(store(), "DIP-0000-0000-0000"));
  // The old version's credential is no longer to be accepted: its bit is set in the status list.
  const auto list = services::revocation_list(store());
  EXPECT_EQ(list.revoked, std::vector<Id>{(*versions)[0].id});
}

// Issue 15: an invitation's link works once, until it expires; a failed mail is tried again later.
TEST_P(ServicesTest, AccountLinksWorkOnceUntilTheyExpireAndMailIsTriedAgain) {
  const auto programme = load_small_programme("ONE");
  add("coordinator@example.pa", "coordinator", "ONE");
  services::SignInGuard guard;
  const auto coordinator = services::sign_in(store(), guard, {"coordinator@example.pa", "correct horse battery", "127.0.0.1"}, now)->actor;
  struct FlakyMailer final : services::Mailer {
    int refusals = 1;
    std::vector<services::MailMessage> sent;
    std::optional<std::string> send(const services::MailMessage& message) override {
      if (refusals-- > 0) return "smtp: connection refused";
      sent.push_back(message);
      return std::nullopt;
    }
  } mailer;

  auto invited = services::invite_participants(store(), coordinator, programme, std::nullopt, "https://cursos.example.org/", now);
  ASSERT_TRUE(invited) << invited.error().message_key;
  EXPECT_EQ(invited->invited, 1);
  EXPECT_EQ(services::deliver_mail(store(), mailer, now).failed, 1);
  EXPECT_EQ(services::deliver_mail(store(), mailer, now + seconds{30}).sent, 0) << "not before its next attempt";
  EXPECT_EQ(services::deliver_mail(store(), mailer, now + seconds{61}).sent, 1);
  EXPECT_EQ(services::deliver_mail(store(), mailer, now + seconds{3600}).sent, 0) << "sent once";
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(mailer.sent[0].to, "onep1@example.pa");
  const auto& link = mailer.sent[0].link;
  ASSERT_TRUE(link.starts_with("https://cursos.example.org/account/password#")) << link;
  EXPECT_NE(mailer.sent[0].body.find(link), std::string::npos);
  const auto token = link.substr(link.find('#') + 1);

  // Until it expires, and once.
  const auto expired = services::inspect_account_link(store(), token, now + services::invitation_lifetime + seconds{1});
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().message_key, "error.account_link.expired");
  services::SessionCache cache(seconds{30});
  EXPECT_EQ(services::redeem_account_link(store(), cache, token, "río-ceniza-portón-47", now + services::invitation_lifetime + seconds{1})
                .error()
                .message_key,
            "error.account_link.expired");
  ASSERT_TRUE(services::redeem_account_link(store(), cache, token, "río-ceniza-portón-47", now + seconds{7200}));
  EXPECT_EQ(services::redeem_account_link(store(), cache, token, "otra-frase-del-puente", now + seconds{7300}).error().message_key,
            "error.account_link.used");
  EXPECT_TRUE(services::sign_in(store(), guard, {"onep1@example.pa", "río-ceniza-portón-47", "127.0.0.1"}, now + seconds{7400}));

  // A reset for an unknown e-mail writes no mail; a known one does.
  ASSERT_TRUE(services::request_password_reset(store(), "nadie@example.pa", "127.0.0.1", "https://cursos.example.org", now + seconds{8000}));
  ASSERT_TRUE(services::request_password_reset(store(), "OneP1@example.pa", "127.0.0.1", "https://cursos.example.org", now + seconds{8000}));
  EXPECT_EQ(services::deliver_mail(store(), mailer, now + seconds{8000}).sent, 1);
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->audit().count("account.invite"), 1);
  EXPECT_EQ(unit->audit().count("account.password_set"), 1);
  EXPECT_EQ(unit->audit().count("account.reset_request"), 1);
}

// Issue 16: the site-wide programme list comes from the read cache while nothing changed, and a
// new programme (here from the seed loader, as another process would) shows at once.
TEST_P(ServicesTest, TheSiteWideProgrammeListIsCachedUntilAProgrammeChanges) {
  load_small_programme("ONE");
  add("site@example.pa", "coordinator", "");
  add("coordinator@example.pa", "coordinator", "ONE");
  services::SignInGuard guard;
  const auto site = services::sign_in(store(), guard, {"site@example.pa", "correct horse battery", "127.0.0.1"}, now)->actor;
  const auto coordinator = services::sign_in(store(), guard, {"coordinator@example.pa", "correct horse battery", "127.0.0.1"}, now)->actor;
  services::ReadCache cache;
  const auto first = services::list_programmes(store(), cache, site, {{1, 50}, ""});
  ASSERT_TRUE(first);
  EXPECT_EQ((*first)->total, 1);
  EXPECT_EQ(*services::list_programmes(store(), cache, site, {{1, 50}, ""}), *first) << "the same page object while nothing changed";
  load_small_programme("TWO");
  const auto second = services::list_programmes(store(), cache, site, {{1, 50}, ""});
  EXPECT_EQ((*second)->total, 2);
  // A programme's own coordinator is never served the site's page.
  const auto theirs = services::list_programmes(store(), cache, coordinator, {{1, 50}, ""});
  ASSERT_EQ((*theirs)->items.size(), 1u);
  EXPECT_EQ((*theirs)->items[0].code, "ONE");
}

INSTANTIATE_TEST_SUITE_P(Backends, ServicesTest, ::testing::Values("sqlite", "postgres"), backend_name);

// Audit details are JSON written by the one writer: a '"' or a '\' in a code stays inside its
// string, and what is stored parses back to the same text.
TEST_P(ServicesTest, AuditDetailsStayValidJsonWhateverTheTextHolds) {
  auto seed = given_programme("AUD").with_module("Derechos humanos", "Human rights").build();
  seed.programme.modules[0].weight = 1;
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(loaded);
  const Id programme = loaded->programme_id;
  add("coordinacion@example.pa", "coordinator", "AUD");
  Actor coordinator;
  {
    auto unit = store().begin(storage::TransactionMode::read_only);
    auto user = unit->users().find_by_email("coordinacion@example.pa");
    coordinator = Actor{user->id, "coordinacion@example.pa", "", unit->users().grants(user->id)};
  }
  const std::string code = "M1\"Q\\uno";
  auto created = services::create_assessment(store(), coordinator, programme, {code, 1, "quiz", {"Cuestionario", "Quiz"}, 10, 1, ""}, now);
  ASSERT_TRUE(created) << (created.error().details.empty() ? created.error().message_key : created.error().details[0].message_key);
  auto unit = store().begin(storage::TransactionMode::read_only);
  const auto details = unit->audit().details("assessment.create");
  ASSERT_EQ(details.size(), 1u);
  const auto parsed = nlohmann::json::parse(details[0], nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << details[0];
  EXPECT_EQ(parsed.at("code").get<std::string>(), code);
}

}  // namespace
}  // namespace diplomado::testing

namespace diplomado::testing {
namespace {

TEST(SessionCache, EntriesLiveAtMostMaxAgeAndNeverPastTheSession) {
  using std::chrono::seconds;
  const TimePoint start{seconds{1'697'000'000}};
  services::SessionCache cache(seconds{30}, 3);
  services::Authenticated who{Actor{1, "a@b.pa", "A", {}}, "csrf", std::nullopt};
  cache.remember("long", who, start + seconds{3600}, start, 7);
  cache.remember("short", who, start + seconds{10}, start, 7);
  EXPECT_TRUE(cache.find("long", start + seconds{29}, 7));
  EXPECT_FALSE(cache.find("long", start + seconds{30}, 7));
  EXPECT_FALSE(cache.find("short", start + seconds{10}, 7));
  for (int i = 0; i < 10; ++i) cache.remember("k" + std::to_string(i), who, start + seconds{3600}, start, 7);
  EXPECT_LE(cache.size(), 3u);
}

TEST(SessionCache, AnEntryIsTrustedOnlyUnderTheSessionCounterItWasReadAt) {
  using std::chrono::seconds;
  const TimePoint start{seconds{1'697'000'000}};
  services::SessionCache cache;
  services::Authenticated who{Actor{1, "a@b.pa", "A", {}}, "csrf", std::nullopt};
  cache.remember("token", who, start + seconds{3600}, start, 7);
  EXPECT_TRUE(cache.find("token", start + seconds{1}, 7));
  // Another process ended a session or changed a grant: the counter moved, the entry is gone.
  EXPECT_FALSE(cache.find("token", start + seconds{2}, 8));
  EXPECT_FALSE(cache.find("token", start + seconds{3}, 7));
}

}  // namespace
}  // namespace diplomado::testing
