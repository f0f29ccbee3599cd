#include "domain/participant_import.hpp"

#include <gtest/gtest.h>

namespace diplomado {
namespace {

TEST(RecogniseHeader, SpanishAndEnglishHeadersWhateverTheirAccentsCaseAndPunctuation) {
  const struct {
    const char* header;
    ImportField field;
  } cases[] = {
      {"Nombre", ImportField::given_names},          {"NOMBRES", ImportField::given_names},      {"Given names", ImportField::given_names},
      {"Apellido(s)", ImportField::family_names},    {"Apellidos", ImportField::family_names},   {"Last name", ImportField::family_names},
      {"Institución", ImportField::institution},     {"INSTITUCION", ImportField::institution},  {"Cargo", ImportField::position},
      {"Nivel", ImportField::level},                 {"Provincia/Comarca", ImportField::subdivision}, {"Province", ImportField::subdivision},
      {"Sexo", ImportField::sex},                    {"Correo electrónico", ImportField::email}, {"E-mail", ImportField::email},
      {"Teléfono", ImportField::phone},              {"given_names", ImportField::given_names},  {" Correo ", ImportField::email},
  };
  for (const auto& c : cases) {
    auto field = recognise_header(c.header);
    ASSERT_TRUE(field.has_value()) << c.header;
    EXPECT_EQ(*field, c.field) << c.header;
  }
  EXPECT_FALSE(recognise_header("Observaciones"));
  EXPECT_FALSE(recognise_header(""));
}

TEST(SuggestMapping, TakesTheFirstColumnForAFieldAndChecksRequiredOnes) {
  const std::vector<std::string> headers{"Nombre", "Apellido", "Correo", "Institución", "Nivel", "Nombre"};
  const auto mapping = suggest_mapping(headers);
  EXPECT_EQ(mapping[static_cast<std::size_t>(ImportField::given_names)], 0u);
  EXPECT_EQ(mapping[static_cast<std::size_t>(ImportField::email)], 2u);
  EXPECT_TRUE(check_mapping(mapping, headers.size()).empty());

  auto missing = mapping;
  missing[static_cast<std::size_t>(ImportField::email)].reset();
  missing[static_cast<std::size_t>(ImportField::phone)] = 0;  // the names column, twice
  const auto errors = check_mapping(missing, headers.size());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "email");
  EXPECT_EQ(errors[0].code, "unmapped");
  EXPECT_EQ(errors[1].field, "phone");
  EXPECT_EQ(errors[1].code, "column_twice");

  auto beyond = mapping;
  beyond[static_cast<std::size_t>(ImportField::position)] = 9;
  EXPECT_EQ(check_mapping(beyond, headers.size()).at(0).code, "no_such_column");
}

TEST(CellValues, SexLevelAndDatesAsPeopleTypeThem) {
  const std::pair<const char*, const char*> sexes[] = {{"F", "female"}, {"Femenino", "female"}, {"mujer", "female"}, {"M", "male"},
                                                       {"Masculino", "male"}, {"Hombre", "male"}, {"Otro", "other"}, {"", "undisclosed"},
                                                       {"Prefiere no decir", "undisclosed"}};
  for (const auto& [text, expected] : sexes) EXPECT_EQ(parse_sex_cell(text), expected) << text;
  EXPECT_FALSE(parse_sex_cell("Quizás"));

  EXPECT_EQ(parse_level_cell("Nacional"), "national");
  EXPECT_EQ(parse_level_cell("LOCAL"), "local");
  EXPECT_EQ(parse_level_cell("regional"), "local");
  EXPECT_FALSE(parse_level_cell("Galáctico"));

  EXPECT_EQ(parse_date_cell("2023-05-02"), "2023-05-02");
  EXPECT_EQ(parse_date_cell("02/05/2023"), "2023-05-02");  // day first, as written in Spanish
  EXPECT_EQ(parse_date_cell("45048"), "2023-05-02");       // Excel's serial day number
  EXPECT_EQ(parse_date_cell(""), "");
  EXPECT_FALSE(parse_date_cell("31/02/2023"));
  EXPECT_FALSE(parse_date_cell("mañana"));
}

ReferenceMatcher panama_matcher() {
  return ReferenceMatcher(
      {{1, "Servicio Nacional de Fronteras", "National Border Service", "SENAFRONT", {}},
       {2, "Servicio Nacional de Migración", "National Migration Service", "SNM", {"Migración"}},
       {3, "Ministerio de Educación", "Ministry of Education", "MEDUCA", {}}},
      {{"PA-5", "Darién", {}}, {"PA-KY", "Guna Yala", {"Kuna Yala", "San Blas"}}, {"PA-10", "Panamá Oeste", {}}, {"PA-8", "Panamá", {}}});
}

TEST(ReferenceMatcher, InstitutionsByAcronymNameOrAliasIgnoringAccentsAndCase) {
  const auto matcher = panama_matcher();
  EXPECT_EQ(matcher.institution("senafront"), 1);
  EXPECT_EQ(matcher.institution("Servicio Nacional de Migracion"), 2);
  EXPECT_EQ(matcher.institution("national migration service"), 2);
  EXPECT_EQ(matcher.institution("MIGRACIÓN"), 2);
  EXPECT_EQ(matcher.institution("  Ministerio   de Educacion "), 3);
  EXPECT_FALSE(matcher.institution("Ministerio de Magia"));
}

TEST(ReferenceMatcher, ProvincesByCodeNameAliasOrWithAPrefix) {
  const auto matcher = panama_matcher();
  EXPECT_EQ(matcher.subdivision("Darien"), "PA-5");
  EXPECT_EQ(matcher.subdivision("DARIÉN"), "PA-5");
  EXPECT_EQ(matcher.subdivision("Kuna Yala"), "PA-KY");
  EXPECT_EQ(matcher.subdivision("pa-ky"), "PA-KY");
  EXPECT_EQ(matcher.subdivision("Provincia de Darién"), "PA-5");
  EXPECT_EQ(matcher.subdivision("panama oeste"), "PA-10");
  EXPECT_EQ(matcher.subdivision("Panamá"), "PA-8");
  EXPECT_FALSE(matcher.subdivision("Atlantis"));
}

struct RowCase {
  std::vector<std::string> cells;
  std::vector<std::string> error_fields;  // empty: the row is valid
};

TEST(ParseImportRow, EveryBadCellIsReportedWithItsRowColumnAndValue) {
  const std::vector<std::string> headers{"Nombre", "Apellido", "Sexo", "Institución", "Nivel", "Provincia", "Correo"};
  const auto mapping = suggest_mapping(headers);
  const auto matcher = panama_matcher();
  const RowCase cases[] = {
      {{"Ana", "Ábrego", "F", "SENAFRONT", "Nacional", "Darien", "ana@example.org"}, {}},
      {{"<script>alert(1)</script>", "Ábrego", "F", "SNM", "Local", "", "x@example.org"}, {}},  // stored as text
      {{"", "Ábrego", "F", "SENAFRONT", "Nacional", "Darien", "ana@example.org"}, {"given_names"}},
      {{"Ana", "Ábrego", "Quizás", "Magia", "Galáctico", "Atlantis", "ana(at)example.org"},
       {"sex", "email", "institution", "level", "subdivision"}},
      {{"Ana", "Ábrego", "F", "SENAFRONT", "Nacional", "Darien", "ana\x01@example.org"}, {"email"}},
  };
  long row = 2;
  for (const auto& c : cases) {
    std::vector<ImportIssue> issues;
    const auto parsed = parse_import_row(row, c.cells, headers, mapping, matcher, issues);
    std::vector<std::string> fields;
    for (const auto& issue : issues) {
      fields.push_back(issue.field);
      EXPECT_EQ(issue.row, row);
      EXPECT_FALSE(issue.column.empty());
      EXPECT_FALSE(issue.message_key.empty());
    }
    EXPECT_EQ(fields, c.error_fields) << "row " << row;
    EXPECT_EQ(parsed.person.has_value(), c.error_fields.empty());
    ++row;
  }

  std::vector<ImportIssue> issues;
  parse_import_row(9, {"Ana", "Ábrego", "F", "Magia", "Nacional", "Darien", "ana@example.org"}, headers, mapping, matcher, issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].column, "Institución");
  EXPECT_EQ(issues[0].value, "Magia");
  EXPECT_EQ(issues[0].code, "unknown_institution");
}

ImportedPerson person(std::string given, std::string family, std::string email, Id institution = 1) {
  ImportedPerson p;
  p.given_names = std::move(given);
  p.family_names = std::move(family);
  p.email = std::move(email);
  p.institution_id = institution;
  p.level = "national";
  return p;
}

TEST(PlanImport, CreatesUpdatesAndLeavesUnchangedByEmail) {
  ExistingPeople existing;
  existing.add({10, person("Ana", "Ábrego", "ana@example.org"), 1, true});
  existing.add({11, person("Luis", "Soto", "luis@example.org"), 1, false});

  auto moved = person("Ana", "Ábrego", "ana@example.org");
  moved.position = "Sargenta";
  std::vector<ParsedRow> rows{{2, person("Nuevo", "Ingreso", "nuevo@example.org")}, {3, moved}, {4, person("Luis", "Soto", "luis@example.org")}};
  std::vector<ImportIssue> issues;
  const auto plan = plan_import(rows, existing, issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(plan.created, 1);
  EXPECT_EQ(plan.updated, 1);
  EXPECT_EQ(plan.unchanged, 1);
  EXPECT_EQ(plan.enrolled, 2);  // the new person, and Luis who was on file but not in this programme
  ASSERT_EQ(plan.rows.size(), 3u);
  EXPECT_EQ(plan.rows[1].changed_fields, std::vector<std::string>{"position"});
  EXPECT_EQ(plan.rows[1].person_id, 10);
  EXPECT_EQ(plan.rows[1].person, &*rows[1].person);  // pointed at, not copied
  EXPECT_FALSE(plan.rows[1].enrol);
}

TEST(PlanImport, DuplicatesAreReportedNeverMerged) {
  ExistingPeople existing;
  existing.add({10, person("Ana", "Ábrego", "ana@example.org"), 1, true});
  std::vector<ParsedRow> rows{
      {2, person("Raúl", "Vega", "raul@example.org")},
      {3, person("Raul", "VEGA", "otro@example.org")},       // same name and institution as row 2
      {4, person("Raúl", "Vega Ortiz", "raul@example.org")},  // the e-mail of row 2
      {5, person("ANA", "Abrego", "ana.nueva@example.org")},  // Ana on file under another e-mail
      {6, std::nullopt},                                      // a row already in error is left alone
  };
  std::vector<ImportIssue> issues;
  const auto plan = plan_import(rows, existing, issues);
  EXPECT_EQ(plan.created, 1);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].row, 3);
  EXPECT_EQ(issues[0].code, "duplicate_in_file");
  EXPECT_NE(issues[0].value.find("(2)"), std::string::npos);  // names the first row
  EXPECT_EQ(issues[1].row, 4);
  EXPECT_EQ(issues[1].field, "email");
  EXPECT_EQ(issues[2].row, 5);
  EXPECT_EQ(issues[2].code, "possible_duplicate");
}

}  // namespace
}  // namespace diplomado
