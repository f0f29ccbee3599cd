#pragma once
// Rules of the participant import (issue 5): which column holds which field, how a cell becomes
// a value, how institutions and provinces are recognised, and how rows are checked against each
// other and against the people already on file. Pure: the file is read by documents/, the rows
// are written by services/.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/error.hpp"
#include "domain/permission.hpp"

namespace diplomado {

enum class ImportField {
  given_names,
  family_names,
  sex,
  gender_identity,
  email,
  phone,
  institution,
  position,
  level,
  subdivision,
  consent_date,
  consent_notice_version,
  consent_purposes,
};
inline constexpr std::size_t import_field_count = 13;
inline constexpr std::array<ImportField, import_field_count> all_import_fields{
    ImportField::given_names, ImportField::family_names, ImportField::sex,          ImportField::gender_identity,
    ImportField::email,       ImportField::phone,        ImportField::institution,  ImportField::position,
    ImportField::level,       ImportField::subdivision,  ImportField::consent_date, ImportField::consent_notice_version,
    ImportField::consent_purposes};

std::string_view to_string(ImportField field);
std::optional<ImportField> parse_import_field(std::string_view text);
// A row cannot become a person without these columns.
bool is_required(ImportField field);

// For each field, the column (0-based) that holds it, if any.
using ColumnMapping = std::array<std::optional<std::size_t>, import_field_count>;

// Recognises header cells in Spanish and English, ignoring case, accents and punctuation
// ("Apellido(s)", "Correo electrónico", "E-mail", "Provincia/Comarca"...).
std::optional<ImportField> recognise_header(std::string_view header);
// `subdivision_words`: what the programme's country calls its subdivisions, in both languages
// ("Cantón", "Departamento", "District"), recognised as the subdivision column's header too.
ColumnMapping suggest_mapping(const std::vector<std::string>& headers, const std::vector<std::string>& subdivision_words = {});

// Errors of the mapping itself: a required field without a column, a column used twice, a
// column beyond the header.
std::vector<FieldError> check_mapping(const ColumnMapping& mapping, std::size_t column_count);

// Cell values the way people type them: "F", "Femenino", "Mujer", "female"...
std::optional<std::string> parse_sex_cell(std::string_view text);   // female|male|other|undisclosed
std::optional<std::string> parse_level_cell(std::string_view text); // national|local
// "2023-05-02", "02/05/2023" (day first, as in Spanish), or an Excel serial day number.
std::optional<std::string> parse_date_cell(std::string_view text);

struct InstitutionCandidate {
  Id id = 0;
  std::string name_es;
  std::string name_en;
  std::string acronym;
  std::vector<std::string> aliases;
};

struct SubdivisionCandidate {
  std::string code;
  std::string name;
  std::vector<std::string> aliases;
};

// Matches institutions by acronym, by name in either language and by known aliases, and
// provinces by ISO code, name and aliases: all accent- and case-insensitive ("Darien" = "Darién",
// "Kuna Yala" = "Guna Yala").
class ReferenceMatcher {
 public:
  ReferenceMatcher(const std::vector<InstitutionCandidate>& institutions, const std::vector<SubdivisionCandidate>& subdivisions);
  std::optional<Id> institution(std::string_view text) const;
  std::optional<std::string> subdivision(std::string_view text) const;

 private:
  std::optional<std::string> subdivision_by_key(const std::string& key) const;
  std::unordered_map<std::string, Id> m_institutions;
  std::unordered_map<std::string, std::string> m_subdivisions;
  // A nominations file repeats a few dozen spellings thousands of times: each is folded once.
  mutable std::unordered_map<std::string, std::optional<Id>> m_institution_memo;
  mutable std::unordered_map<std::string, std::optional<std::string>> m_subdivision_memo;
};

// A match key for free text: accents, case, punctuation and repeated spaces do not count.
std::string matching_key(std::string_view text);

struct ImportedPerson {
  std::string given_names;
  std::string family_names;
  std::string sex = "undisclosed";
  std::string gender_identity;
  std::string email;  // normalised
  std::string phone;
  Id institution_id = 0;
  std::string position;
  std::string level;
  std::string subdivision_code;
  std::string consent_date;
  std::string consent_notice_version;
  std::string consent_purposes;
};

// One problem in one cell. row is the spreadsheet's row number (the header is row 1); column is
// the header text as the file has it.
struct ImportIssue {
  long row = 0;
  std::string field;
  std::string column;
  std::string code;
  std::string message_key;
  std::string value;
};

struct ParsedRow {
  long row = 0;
  std::optional<ImportedPerson> person;  // empty when the row has errors
};

// Turns one row of cells into a person, or appends its problems to `issues`.
ParsedRow parse_import_row(long row, const std::vector<std::string>& cells, const std::vector<std::string>& headers,
                           const ColumnMapping& mapping, const ReferenceMatcher& matcher, std::vector<ImportIssue>& issues);

// A person already on file, as the import compares it.
struct ExistingPerson {
  Id id = 0;
  ImportedPerson data;
  std::int64_t version = 1;
  bool enrolled_in_programme = false;
};

enum class ImportAction { create, update, unchanged };

struct PlannedRow {
  long row = 0;
  ImportAction action = ImportAction::create;
  std::optional<Id> person_id;  // update and unchanged
  bool enrol = true;            // not yet enrolled in the programme
  const ImportedPerson* person = nullptr;  // in the parsed rows, which outlive the plan
  std::vector<std::string> changed_fields;  // update
};

struct ImportPlan {
  std::vector<PlannedRow> rows;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t enrolled = 0;
};

// What the people on file look like to the planner: by e-mail, and by name and institution.
class ExistingPeople {
 public:
  void add(ExistingPerson person);
  const ExistingPerson* by_email(const std::string& email) const;
  const ExistingPerson* by_name_and_institution(const std::string& key) const;
  std::size_t size() const { return m_people.size(); }

 private:
  std::vector<ExistingPerson> m_people;
  std::unordered_map<std::string, std::size_t> m_by_email;
  std::unordered_map<std::string, std::size_t> m_by_name;
};

std::string name_and_institution_key(const ImportedPerson& person);

// Decides create/update/unchanged for every parsed row. A person is the same one when the
// e-mail is the same. Duplicates are reported, never merged: the same e-mail or the same name and
// institution twice in the file, or a name and institution already on file under another e-mail.
// The plan points into `rows` rather than copying them: an import holds each row once.
ImportPlan plan_import(const std::vector<ParsedRow>& rows, const ExistingPeople& existing, std::vector<ImportIssue>& issues);

}  // namespace diplomado
