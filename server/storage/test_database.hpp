#pragma once
// Test support: every test gets a database of its own, so no test sees another's data
// (DESIGN.md §5). SQLite: a new file in a new folder. PostgreSQL (when DIPLOMADO_TEST_POSTGRES_URL
// names a server): a new schema, selected for every pooled connection through libpq's options.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <sodium.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/database.hpp"

namespace diplomado::testing {

// The moment the storage and service tests act at (the model case ended on 11 October 2023).
inline const TimePoint now{std::chrono::seconds{1'697'000'000}};

inline std::string random_suffix() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  return std::to_string(randombytes_random()) + std::to_string(randombytes_random());
}

class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      m_directory = std::filesystem::temp_directory_path() / ("diplomado-test-" + random_suffix());
      std::filesystem::create_directories(m_directory);
      m_url = "sqlite://" + (m_directory / "test.db").string();
    } else {
      const char* base = std::getenv("DIPLOMADO_TEST_POSTGRES_URL");
      if (!base || !*base) GTEST_SKIP() << "DIPLOMADO_TEST_POSTGRES_URL is not set (make test sets it)";
      m_schema = "t" + random_suffix();
      soci::session admin("postgresql", storage::postgres_keywords(base).value());
      admin << "CREATE SCHEMA " + m_schema;
      m_url = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + m_schema;
    }
  }
  void TearDown() override {
    if (!m_directory.empty()) std::filesystem::remove_all(m_directory);
    if (!m_schema.empty()) {
      m_store.reset();
      soci::session admin("postgresql", storage::postgres_keywords(std::getenv("DIPLOMADO_TEST_POSTGRES_URL")).value());
      admin << "DROP SCHEMA " + m_schema + " CASCADE";
    }
  }

  storage::Store& store() {
    if (!m_store) {
      auto opened = storage::open_database({.url = m_url, .pool_size = 4, .files_directory = {}});
      if (!opened) throw std::runtime_error("open failed: " + opened.error().message_key);
      m_store = opened->store;
    }
    return *m_store;
  }

  // A connection of its own to the same database, for what no repository does (a test's raw SQL).
  soci::session raw_session() {
    store();
    if (GetParam() == "sqlite") return soci::session("sqlite3", "db=" + (m_directory / "test.db").string());
    return soci::session("postgresql", storage::postgres_keywords(m_url).value());
  }

  std::string m_url;
  std::filesystem::path m_directory;
  std::string m_schema;
  std::shared_ptr<storage::Store> m_store;
};

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

// A small programme built in code: given().programme("X")... reads like the data it makes.
class SeedBuilder {
 public:
  explicit SeedBuilder(std::string code) {
    m_seed.programme.code = std::move(code);
    m_seed.programme.title = {"Diplomado de prueba", "Test diploma course"};
    m_seed.programme.country = "PA";
    m_seed.programme.time_zone = "America/Panama";
    m_seed.programme.locale = "es-PA";
    m_seed.programme.status = ProgrammeStatus::active;
    m_seed.programme.end_date = "2023-10-11";
    m_seed.programme.sdgs = {10, 16, 17};
    m_seed.subdivisions = {{"PA-5", "PA", "Darién", "province"}, {"PA-4", "PA", "Chiriquí", "province"}};
    m_seed.institutions = {{"senafront", {"Servicio Nacional de Fronteras", "National Border Service"}, "SENAFRONT", "security", "national", "", ""},
                           {"snm", {"Servicio Nacional de Migración", "National Migration Service"}, "SNM", "security", "national", "", ""}};
  }
  SeedBuilder& with_module(std::string es, std::string en) {
    Module module;
    module.position = static_cast<int>(m_seed.programme.modules.size()) + 1;
    module.title = {std::move(es), std::move(en)};
    m_seed.programme.modules.push_back(module);
    return *this;
  }
  SeedBuilder& with_team(std::string key, std::string name, std::string region, std::string leader) {
    m_seed.teams.push_back({std::move(key), std::move(name), std::move(region), std::move(leader)});
    return *this;
  }
  SeedBuilder& with_participant(std::string key, std::string given, std::string family, std::string institution, std::string team,
                                EnrollmentStatus status = EnrollmentStatus::enrolled, std::string reason = "") {
    m_seed.participants.push_back({key, given, family, "female", key + "@example.pa", institution, "Oficial", "local", "PA-5", status,
                                   reason, team});
    return *this;
  }
  ProgrammeSeed build() const { return m_seed; }

 private:
  ProgrammeSeed m_seed;
};

inline SeedBuilder given_programme(std::string code) { return SeedBuilder(std::move(code)); }

}  // namespace diplomado::testing
