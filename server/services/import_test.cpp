// The participant import, filters, export and reference lists against both databases.
#include "services/add_user.hpp"
#include "services/crypto.hpp"
#include "services/export_participants.hpp"
#include "services/import_participants.hpp"
#include "services/list_participants.hpp"
#include "services/load_programme_seed.hpp"
#include "services/load_reference.hpp"
#include "storage/test_database.hpp"

namespace diplomado::testing {
namespace {

using std::chrono::seconds;
using Rows = std::vector<std::vector<std::string>>;

// A table in memory, read the way documents/ reads a file.
services::TableReader table(Rows rows) {
  return [rows = std::move(rows)](const services::RowVisitor& visit) -> Result<services::TableShape> {
    long number = 0;
    for (auto cells : rows)
      if (!visit(++number, cells)) break;
    return services::TableShape{"csv", "utf-8", ";"};
  };
}

template <class Set>
ParticipantFilter where(Set set) {
  ParticipantFilter filter;
  set(filter);
  return filter;
}

const std::vector<std::string> header{"Nombre", "Apellido", "Sexo", "Institución", "Nivel", "Provincia", "Correo", "Cargo"};

class ImportTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(services::initialise_crypto());
    auto loaded = services::load_programme_seed(
        store(), given_programme("P1").with_team("t", "Darién", "PA-5", "").with_participant("ana", "Ana", "Ábrego", "senafront", "t").build(), now);
    ASSERT_TRUE(loaded);
    programme = loaded->programme_id;
    auto other = services::load_programme_seed(store(), given_programme("P2").build(), now);
    ASSERT_TRUE(other);
    other_programme = other->programme_id;
    ASSERT_TRUE(services::load_subdivisions(store(), std::nullopt, "PA",
                                            {{"PA-5", "Darién", "province", {}}, {"PA-KY", "Guna Yala", "comarca", {"Kuna Yala", "San Blas"}}}, now));
    coordinator = actor_for("coord@example.pa", "coordinator", "P1");
  }

  Actor actor_for(const std::string& email, const std::string& role, const std::string& code) {
    auto added = services::add_user(store(), {email, "Persona", role, code, "correct horse battery"}, now);
    EXPECT_TRUE(added);
    Actor actor;
    actor.user_id = added->user_id;
    auto unit = store().begin(storage::TransactionMode::read_only);
    actor.grants = unit->users().grants(added->user_id);
    return actor;
  }

  Result<services::ImportSummary> run(Rows rows, services::ImportMode mode, std::optional<Actor> actor = std::nullopt) {
    services::ImportRequest request;
    request.programme_id = programme;
    request.mode = mode;
    request.file_name = "nominaciones.csv";
    return services::import_participants(store(), actor ? actor : std::optional<Actor>(coordinator), request, table(std::move(rows)), now);
  }

  std::int64_t total(const ParticipantFilter& filter = {}) {
    services::ReadCache cache;
    return (*services::list_participants(store(), cache, coordinator, programme, filter, {1, 200}))->total;
  }

  std::int64_t audits(const char* action) {
    auto unit = store().begin(storage::TransactionMode::read_only);
    return unit->audit().count(action);
  }

  Id programme = 0, other_programme = 0;
  Actor coordinator;
};

TEST_P(ImportTest, PreviewWritesNothingThenCommitWritesEveryRow) {
  const Rows rows{header,
                  {"Luis", "Núñez", "M", "snm", "Local", "Darien", "Luis@Example.org", "Inspector"},
                  {"Itzel", "Ríos", "F", "Servicio Nacional de Fronteras", "nacional", "Kuna Yala", "itzel@example.org", "Sargenta"}};
  auto preview = run(rows, services::ImportMode::dry_run);
  ASSERT_TRUE(preview);
  EXPECT_TRUE(preview->errors.empty());
  EXPECT_EQ(preview->created, 2);
  EXPECT_FALSE(preview->committed);
  EXPECT_EQ(total(), 1);

  auto committed = run(rows, services::ImportMode::commit);
  ASSERT_TRUE(committed);
  EXPECT_TRUE(committed->committed);
  EXPECT_EQ(total(), 3);
  EXPECT_EQ(audits("participants.import"), 1);
  auto found = services::export_participants(store(), coordinator, programme, where([](ParticipantFilter& f) { f.search = "itzel"; }), "csv", now);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->records.size(), 1u);
  EXPECT_EQ(found->records[0].row.subdivision.code, "PA-KY");  // "Kuna Yala" is Guna Yala
  EXPECT_EQ(found->records[0].email, "itzel@example.org");
  // The export's header names the subdivisions as the country's on file do: this test's are
  // provinces and a single comarca, too few to be named.
  EXPECT_EQ(found->subdivision_category.es, "Provincia");
  EXPECT_EQ(audits("participants.export"), 1);

  // The same file again changes nothing; a changed position is an update, audited by field.
  auto again = run(rows, services::ImportMode::commit);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 2);
  EXPECT_EQ(again->created, 0);
  Rows moved = rows;
  moved[1][7] = "Jefe de puesto";
  auto updated = run(moved, services::ImportMode::commit);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->updated, 1);
  ASSERT_EQ(updated->preview.size(), 2u);
  EXPECT_EQ(updated->preview[0].changed_fields, std::vector<std::string>{"position"});
  EXPECT_EQ(audits("person.update"), 1);
  EXPECT_EQ(total(), 3);
}

TEST_P(ImportTest, ALargeFileIsWrittenInBatchesAndEveryoneIsEnrolledOnce) {
  Rows rows{header};
  for (int i = 0; i < 150; ++i)  // two full batches of 64 and a partial one
    rows.push_back({"Persona", "Número " + std::to_string(i), "F", "SNM", "Local", "Darién", "p" + std::to_string(i) + "@example.org", ""});
  auto result = run(rows, services::ImportMode::commit);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->created, 150);
  EXPECT_EQ(total(), 151);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "numero 149"; })), 1);
  auto again = run(rows, services::ImportMode::commit);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->unchanged, 150);
  EXPECT_EQ(total(), 151);
}

TEST_P(ImportTest, OneBadRowAndNothingIsWritten) {
  const Rows rows{header,
                  {"Luis", "Núñez", "M", "SNM", "Local", "Darién", "luis@example.org", ""},
                  {"Eva", "Luna", "F", "Ministerio de Magia", "Local", "Darién", "eva@example.org", ""},
                  {"Otro", "Luis", "M", "SNM", "Local", "Darién", "LUIS@example.org", ""},
                  {"Ana", "Ábrego", "F", "SENAFRONT", "Local", "Darién", "ana.otra@example.org", ""},
                  {"Corta", "Fila"}};
  auto result = run(rows, services::ImportMode::commit);
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->committed);
  ASSERT_EQ(result->errors.size(), 4u);
  EXPECT_EQ(result->errors[0].row, 3);
  EXPECT_EQ(result->errors[0].column, "Institución");
  EXPECT_EQ(result->errors[1].row, 4);
  EXPECT_EQ(result->errors[1].code, "duplicate_in_file");
  EXPECT_EQ(result->errors[1].column, "Correo");
  EXPECT_EQ(result->errors[2].row, 5);
  EXPECT_EQ(result->errors[2].code, "possible_duplicate");  // Ana Ábrego of SENAFRONT is on file
  EXPECT_EQ(result->errors[3].code, "cell_count");
  EXPECT_EQ(total(), 1);
  EXPECT_EQ(audits("participants.import"), 0);
}

TEST_P(ImportTest, AFileWithoutUsableColumnsOrRowsIsRefused) {
  auto unmapped = run({{"Nombre", "Observaciones"}, {"Ana", "x"}}, services::ImportMode::dry_run);
  ASSERT_TRUE(unmapped);
  std::vector<std::string> fields;
  for (const auto& error : unmapped->errors) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"family_names", "email", "institution", "level"}));
  EXPECT_EQ(unmapped->rows, 1);  // counted, not read: the mapping comes first
  EXPECT_EQ(unmapped->created, 0);

  auto only_header = run({header}, services::ImportMode::dry_run);
  ASSERT_FALSE(only_header);
  EXPECT_EQ(only_header.error().message_key, "error.import.only_header");
  auto empty = run({}, services::ImportMode::dry_run);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message_key, "error.import.empty_file");
}

TEST_P(ImportTest, OnlyTheProgrammesCoordinatorImports) {
  const Rows rows{header, {"Luis", "Núñez", "M", "SNM", "Local", "Darién", "luis@example.org", ""}};
  auto instructor = actor_for("inst@example.pa", "instructor", "P1");
  EXPECT_EQ(run(rows, services::ImportMode::commit, instructor).error().code, ErrorCode::forbidden);
  auto stranger = actor_for("other@example.pa", "coordinator", "P2");
  EXPECT_EQ(run(rows, services::ImportMode::commit, stranger).error().code, ErrorCode::not_found);
  EXPECT_EQ(services::export_participants(store(), instructor, programme, {}, "csv", now).error().code, ErrorCode::forbidden);
  EXPECT_EQ(total(), 1);
}

TEST_P(ImportTest, TheTableFiltersSearchIgnoringAccentsAndSorts) {
  ASSERT_TRUE(run({header,
                   {"Luis", "Núñez", "M", "SNM", "Local", "Darién", "luis@example.org", ""},
                   {"María José", "Pérez", "F", "SNM", "Nacional", "Guna Yala", "mj@example.org", ""}},
                  services::ImportMode::commit));
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "abrego"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "nunez"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "maria jose perez"; })), 1);  // given names first, as people type them
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "perez maria"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "mj@example"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "%"; })), 0);
  // A word may name the place or the institution: "darien" finds everyone in Darién.
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "darien"; })), 2);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "kuna yala"; })), 1);  // an alias
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "snm nunez"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.search = "senafront luis"; })), 0);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.subdivision_code = "PA-KY"; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.level = Level::local; })), 2);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.sex = Sex::male; })), 1);
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.team_id = 0; })), 2);  // the imported ones have no team yet
  EXPECT_EQ(total(where([](ParticipantFilter& f) { f.status = EnrollmentStatus::withdrawn; })), 0);

  services::ReadCache cache;
  ParticipantFilter by_institution;
  by_institution.sort = ParticipantSort::institution;
  auto sorted = services::list_participants(store(), cache, coordinator, programme, by_institution, {1, 200});
  ASSERT_TRUE(sorted);
  ASSERT_EQ((*sorted)->items.size(), 3u);
  EXPECT_EQ((*sorted)->items[0].institution.acronym, "SENAFRONT");  // before SNM
  EXPECT_EQ((*sorted)->items[1].family_names, "Núñez");             // then by name within SNM
}

TEST_P(ImportTest, ReferenceListsAreCheckedWholeBeforeAnythingIsWritten) {
  auto bad = services::load_subdivisions(store(), std::nullopt, "pa", {{"PA-1", "", "province", {}}, {"XX-2", "Otro", "province", {}}}, now);
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const auto& detail : bad.error().details) fields.push_back(detail.field + "@" + std::to_string(detail.row.value_or(0)));
  EXPECT_EQ(fields, (std::vector<std::string>{"country@0", "code@1", "name@1", "code@2"}));

  // Another country's list loads without code changes, and an observer may not load one.
  ASSERT_TRUE(services::load_subdivisions(store(), std::nullopt, "CR", {{"CR-L", "Limón", "province", {"Limon"}}}, now));
  auto observer = actor_for("obs@example.pa", "observer", "P1");
  EXPECT_EQ(services::load_subdivisions(store(), observer, "CR", {{"CR-L", "Limón", "province", {}}}, now).error().code, ErrorCode::forbidden);
  auto unit = store().begin(storage::TransactionMode::read_only);
  EXPECT_EQ(unit->people().subdivision_candidates("CR").at(0).aliases, std::vector<std::string>{"Limon"});
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace diplomado::testing
