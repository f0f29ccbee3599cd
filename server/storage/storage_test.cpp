#include <soci/soci.h>

#include <array>
#include <thread>

#include "services/load_programme_seed.hpp"
#include "storage/test_database.hpp"

namespace diplomado::testing {
namespace {


class StorageTest : public DatabaseTest {};

TEST_P(StorageTest, MigrationsRunOnceAndRecordTheirVersion) {
  auto first = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(first) << first.error().message_key;
  EXPECT_GE(first->migrations_applied, 1);
  const auto dialect = GetParam() == "sqlite" ? storage::Dialect::sqlite : storage::Dialect::postgres;
  EXPECT_EQ(first->schema_version, storage::latest_schema_version(dialect));
  auto second = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(second);
  EXPECT_EQ(second->migrations_applied, 0);
  EXPECT_EQ(second->schema_version, first->schema_version);
}

// Two servers started at the same moment on a new database (issue 16): both open it, and every
// migration lands exactly once.
TEST_P(StorageTest, TwoProcessesStartingAtOnceMigrateOnce) {
  std::array<Result<storage::OpenedDatabase>, 4> opened{std::unexpected(Error{}), std::unexpected(Error{}), std::unexpected(Error{}),
                                                        std::unexpected(Error{})};
  {
    std::vector<std::jthread> starting;
    for (auto& slot : opened) starting.emplace_back([&] { slot = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}}); });
  }
  int applied = 0;
  for (const auto& one : opened) {
    ASSERT_TRUE(one) << one.error().message_key << (one.error().details.empty() ? "" : " " + one.error().details[0].value);
    applied += one->migrations_applied;
  }
  const auto dialect = GetParam() == "sqlite" ? storage::Dialect::sqlite : storage::Dialect::postgres;
  auto sql = raw_session();
  int recorded = 0;
  sql << "SELECT COUNT(*) FROM schema_migration", soci::into(recorded);
  EXPECT_EQ(recorded, storage::latest_schema_version(dialect));
  EXPECT_EQ(applied, recorded);
}

TEST_P(StorageTest, ADatabaseFromANewerVersionIsRefused) {
  store();
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->commit();
  }
  // Pretend a newer binary migrated this database.
  const std::string connect = GetParam() == "sqlite" ? "db=" + (m_directory / "test.db").string() : storage::postgres_keywords(m_url).value();
  soci::session sql(GetParam() == "sqlite" ? "sqlite3" : "postgresql", connect);
  sql << "INSERT INTO schema_migration (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01T00:00:00Z')";
  auto reopened = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().message_key, "error.database.newer_schema");
  EXPECT_EQ(reopened.error().details.at(0).value.substr(0, 4), "9999");
}

TEST_P(StorageTest, AProgrammeLoadsWithItsModulesTeamsAndParticipants) {
  const auto seed = given_programme("TEST-1")
                        .with_module("Derechos humanos", "Human rights")
                        .with_module("Estadísticas", "Statistics")
                        .with_team("darien", "Darién — SENAFRONT", "PA-5", "p1")
                        .with_participant("p1", "Ana", "Ábrego", "senafront", "darien")
                        .with_participant("p2", "Luis", "Barría", "snm", "darien")
                        .with_participant("p3", "Rosa", "Cedeño", "snm", "", EnrollmentStatus::withdrawn, "Traslado")
                        .build();
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(loaded);
  EXPECT_TRUE(loaded->created);

  auto unit = store().begin(storage::TransactionMode::read_only);
  auto programme = unit->programmes().find(loaded->programme_id);
  ASSERT_TRUE(programme);
  EXPECT_EQ(programme->title.en, "Test diploma course");
  ASSERT_EQ(programme->modules.size(), 2u);
  EXPECT_EQ(programme->modules[1].title.es, "Estadísticas");
  EXPECT_EQ(programme->sdgs, (std::vector<int>{10, 16, 17}));

  const auto counts = unit->programmes().counts(loaded->programme_id);
  EXPECT_EQ(counts.enrollments, 3);
  EXPECT_EQ(counts.active, 2);
  EXPECT_EQ(counts.withdrawn, 1);
  EXPECT_EQ(counts.institutions, 2);
  EXPECT_EQ(counts.teams, 1);

  auto page = unit->programmes().participants(loaded->programme_id, {}, PageRequest{1, 2});
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].family_names, "Ábrego");
  EXPECT_TRUE(page.items[0].is_group_leader);
  EXPECT_EQ(page.items[0].institution.acronym, "SENAFRONT");
  EXPECT_EQ(page.items[0].subdivision.name, "Darién");
  auto second_page = unit->programmes().participants(loaded->programme_id, {}, PageRequest{2, 2});
  ASSERT_EQ(second_page.items.size(), 1u);
  EXPECT_EQ(second_page.items[0].status, EnrollmentStatus::withdrawn);
  EXPECT_EQ(second_page.items[0].withdrawal_reason, "Traslado");

  auto teams = unit->programmes().teams(loaded->programme_id);
  ASSERT_EQ(teams.size(), 1u);
  EXPECT_EQ(teams[0].leader_name, "Ana Ábrego");
  EXPECT_EQ(teams[0].member_count, 2);
  EXPECT_EQ(teams[0].institution_acronyms, (std::vector<std::string>{"SENAFRONT", "SNM"}));
}

TEST_P(StorageTest, LoadingIsIdempotentByCode) {
  const auto seed = given_programme("TEST-2").with_participant("p1", "Ana", "Ábrego", "snm", "").build();
  ASSERT_TRUE(services::load_programme_seed(store(), seed, now));
  auto again = services::load_programme_seed(store(), seed, now);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->created);
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->programmes().counts(again->programme_id).enrollments, 1);
}

TEST_P(StorageTest, AFailureHalfWayWritesNothing) {
  ASSERT_TRUE(services::load_programme_seed(store(), given_programme("FIRST").with_participant("p1", "Ana", "Ábrego", "snm", "").build(), now));
  // The second programme's third participant collides with a person stored by the first
  // (same e-mail): the database refuses it after two rows went in, and all must roll back.
  const auto seed = given_programme("SECOND")
                        .with_participant("a", "Eva", "Díaz", "snm", "")
                        .with_participant("b", "Iván", "Gómez", "snm", "")
                        .with_participant("p1", "Ana", "Ábrego", "snm", "")
                        .build();
  auto loaded = services::load_programme_seed(store(), seed, now);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::conflict);
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_FALSE(unit->programmes().find_id_by_code("SECOND"));
  EXPECT_EQ(unit->audit().count("programme.load"), 1);
}

TEST_P(StorageTest, RollbackWhenAUnitIsDroppedWithoutCommit) {
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->users().insert({"x@example.pa", "X", "hash", "2023-10-11T00:00:00Z"});
  }
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->users().count(), 0);
}

TEST_P(StorageTest, CachedStatementsSeeWritesFromAnotherConnection) {
  ASSERT_TRUE(services::load_programme_seed(store(), given_programme("ONE").with_participant("p1", "Ana", "Ábrego", "snm", "").build(), now));
  auto reader = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});  // one connection: every unit reuses its statements
  ASSERT_TRUE(reader);
  const auto read_id = [&](const std::string& code) {
    auto unit = reader->store->begin(storage::TransactionMode::read_only);
    return unit->programmes().find_id_by_code(code);  // a single-row read, left at its first row
  };
  const auto first = read_id("ONE");
  ASSERT_TRUE(first);
  {
    auto unit = reader->store->begin(storage::TransactionMode::read_only);
    EXPECT_EQ(unit->programmes().counts(*first).enrollments, 1);
  }
  // Another connection (another process, say) writes; the reader's next units must see it.
  ASSERT_TRUE(services::load_programme_seed(store(), given_programme("TWO").with_participant("p2", "Luis", "Barría", "snm", "").build(), now));
  EXPECT_TRUE(read_id("TWO"));
  {
    auto unit = reader->store->begin(storage::TransactionMode::read_only);
    EXPECT_EQ(unit->programmes().list().size(), 2u);
  }
  // And the reader can still write after its cached reads.
  auto written = services::load_programme_seed(*reader->store, given_programme("THREE").build(), now);
  ASSERT_TRUE(written) << written.error().message_key;
  EXPECT_TRUE(written->created);
}

TEST_P(StorageTest, AFailureInsideAUnitLeavesTheConnectionUsable) {
  auto single = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(single);
  ASSERT_TRUE(services::load_programme_seed(*single->store, given_programme("ONE").with_participant("p1", "Ana", "Ábrego", "snm", "").build(), now));
  // The same person again in another programme: the database refuses the row mid-unit.
  auto refused = services::load_programme_seed(*single->store, given_programme("TWO").with_participant("p1", "Ana", "Ábrego", "snm", "").build(), now);
  ASSERT_FALSE(refused);
  auto unit = single->store->begin(storage::TransactionMode::read_only);
  EXPECT_TRUE(unit->programmes().find_id_by_code("ONE"));
  EXPECT_FALSE(unit->programmes().find_id_by_code("TWO"));
}

// Two stores on one database stand for two servers (issue 16): what one commits, the other's
// counters show at once, so neither trusts a cached session or a cached read past it.
TEST_P(StorageTest, TheChangeCountersMoveForEveryProcessOnTheDatabase) {
  auto other = storage::open_database({.url = m_url, .pool_size = 1, .files_directory = {}});
  ASSERT_TRUE(other);
  Id user_id = 0;
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    user_id = unit->users().insert({"x@example.pa", "X", "hash", "2023-10-11T00:00:00Z"});
    unit->http_sessions().insert("digest", user_id, "csrf", "2023-10-11T00:00:00Z", "2023-10-12T00:00:00Z");
    unit->commit();
  }
  // SQLite gives nothing for the first read after another connection's commit (the process's own
  // number moves then); the second read has the number to cache under.
  const auto data_generation = [&] {
    auto number = other->store->begin(storage::TransactionMode::read_only)->data_generation();
    return number ? number : other->store->begin(storage::TransactionMode::read_only)->data_generation();
  };
  const auto data_before = data_generation();
  ASSERT_TRUE(data_before);
  const auto sessions_before = other->store->change_counters().sessions;

  // A session seen (touched) moves neither counter: it is neither data nor a change of rights.
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->http_sessions().touch("digest", "2023-10-11T00:10:00Z");
    unit->commit();
  }
  EXPECT_EQ(other->store->change_counters().sessions, sessions_before);
  if (GetParam() == "postgres") {
    EXPECT_EQ(data_generation(), data_before);
  }

  // A grant moves the session counter (and the data counter: it is a write of data too).
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->users().add_grant(user_id, RoleGrant{Role::observer, std::nullopt});
    unit->commit();
  }
  const auto sessions_after_grant = other->store->change_counters().sessions;
  EXPECT_NE(sessions_after_grant, sessions_before);
  const auto data_after = data_generation();
  ASSERT_TRUE(data_after);
  EXPECT_NE(*data_after, *data_before);

  // A sign-out elsewhere, and a disabled account, each move it again.
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    EXPECT_TRUE(unit->http_sessions().remove("digest"));
    unit->commit();
  }
  const auto sessions_after_sign_out = other->store->change_counters().sessions;
  EXPECT_NE(sessions_after_sign_out, sessions_after_grant);
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->users().set_disabled(user_id, true);
    unit->commit();
  }
  EXPECT_NE(other->store->change_counters().sessions, sessions_after_sign_out);

  // A write rolled back moves nothing.
  const auto sessions_now = other->store->change_counters().sessions;
  const auto data_now = data_generation();
  {
    auto unit = store().begin(storage::TransactionMode::read_write);
    unit->users().set_disabled(user_id, false);
  }
  EXPECT_EQ(other->store->change_counters().sessions, sessions_now);
  EXPECT_EQ(data_generation(), data_now);

  // PostgreSQL reads the data counter with the session counter; a read-only unit given it takes
  // it as its generation without reading again. SQLite's units read their own.
  const auto counters = other->store->change_counters();
  if (GetParam() == "postgres") {
    ASSERT_TRUE(counters.data);
    EXPECT_EQ(counters.data, data_now);
    EXPECT_EQ(other->store->begin(storage::TransactionMode::read_only, counters.data)->data_generation(), counters.data);
  } else {
    EXPECT_FALSE(counters.data);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace diplomado::testing
