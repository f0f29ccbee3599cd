#include "domain/participant_import.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "domain/text_key.hpp"
#include "domain/validation.hpp"

namespace diplomado {
namespace {

constexpr std::array<std::string_view, import_field_count> field_names{
    "given_names", "family_names", "sex",         "gender_identity", "email",        "phone", "institution",
    "position",    "level",        "subdivision", "consent_date",    "consent_notice_version", "consent_purposes"};

struct HeaderSynonym {
  std::string_view key;  // a matching_key()
  ImportField field;
};

// Header texts seen in nomination spreadsheets, Spanish first. Keys are already folded.
constexpr std::array header_synonyms{
    HeaderSynonym{"nombre", ImportField::given_names},
    HeaderSynonym{"nombres", ImportField::given_names},
    HeaderSynonym{"nombre s", ImportField::given_names},
    HeaderSynonym{"primer nombre", ImportField::given_names},
    HeaderSynonym{"given name", ImportField::given_names},
    HeaderSynonym{"given names", ImportField::given_names},
    HeaderSynonym{"first name", ImportField::given_names},
    HeaderSynonym{"first names", ImportField::given_names},
    HeaderSynonym{"name", ImportField::given_names},
    HeaderSynonym{"given names", ImportField::given_names},
    HeaderSynonym{"apellido", ImportField::family_names},
    HeaderSynonym{"apellidos", ImportField::family_names},
    HeaderSynonym{"apellido s", ImportField::family_names},
    HeaderSynonym{"family name", ImportField::family_names},
    HeaderSynonym{"family names", ImportField::family_names},
    HeaderSynonym{"last name", ImportField::family_names},
    HeaderSynonym{"surname", ImportField::family_names},
    HeaderSynonym{"surnames", ImportField::family_names},
    HeaderSynonym{"sexo", ImportField::sex},
    HeaderSynonym{"sex", ImportField::sex},
    HeaderSynonym{"identidad de genero", ImportField::gender_identity},
    HeaderSynonym{"genero", ImportField::gender_identity},
    HeaderSynonym{"gender identity", ImportField::gender_identity},
    HeaderSynonym{"gender", ImportField::gender_identity},
    HeaderSynonym{"correo", ImportField::email},
    HeaderSynonym{"correo electronico", ImportField::email},
    HeaderSynonym{"email", ImportField::email},
    HeaderSynonym{"e mail", ImportField::email},
    HeaderSynonym{"mail", ImportField::email},
    HeaderSynonym{"email address", ImportField::email},
    HeaderSynonym{"e mail address", ImportField::email},
    HeaderSynonym{"telefono", ImportField::phone},
    HeaderSynonym{"tel", ImportField::phone},
    HeaderSynonym{"celular", ImportField::phone},
    HeaderSynonym{"movil", ImportField::phone},
    HeaderSynonym{"phone", ImportField::phone},
    HeaderSynonym{"telephone", ImportField::phone},
    HeaderSynonym{"mobile", ImportField::phone},
    HeaderSynonym{"institucion", ImportField::institution},
    HeaderSynonym{"entidad", ImportField::institution},
    HeaderSynonym{"organismo", ImportField::institution},
    HeaderSynonym{"institution", ImportField::institution},
    HeaderSynonym{"organization", ImportField::institution},
    HeaderSynonym{"organisation", ImportField::institution},
    HeaderSynonym{"agency", ImportField::institution},
    HeaderSynonym{"cargo", ImportField::position},
    HeaderSynonym{"puesto", ImportField::position},
    HeaderSynonym{"position", ImportField::position},
    HeaderSynonym{"job title", ImportField::position},
    HeaderSynonym{"title", ImportField::position},
    HeaderSynonym{"nivel", ImportField::level},
    HeaderSynonym{"level", ImportField::level},
    HeaderSynonym{"provincia", ImportField::subdivision},
    HeaderSynonym{"provincia comarca", ImportField::subdivision},
    HeaderSynonym{"provincia o comarca", ImportField::subdivision},
    HeaderSynonym{"comarca", ImportField::subdivision},
    HeaderSynonym{"region", ImportField::subdivision},
    HeaderSynonym{"departamento", ImportField::subdivision},
    HeaderSynonym{"estado", ImportField::subdivision},
    HeaderSynonym{"province", ImportField::subdivision},
    HeaderSynonym{"province or comarca", ImportField::subdivision},
    HeaderSynonym{"subdivision", ImportField::subdivision},
    HeaderSynonym{"fecha de consentimiento", ImportField::consent_date},
    HeaderSynonym{"consentimiento", ImportField::consent_date},
    HeaderSynonym{"consent date", ImportField::consent_date},
    HeaderSynonym{"consent", ImportField::consent_date},
    HeaderSynonym{"version del aviso", ImportField::consent_notice_version},
    HeaderSynonym{"version aviso", ImportField::consent_notice_version},
    HeaderSynonym{"notice version", ImportField::consent_notice_version},
    HeaderSynonym{"finalidades", ImportField::consent_purposes},
    HeaderSynonym{"propositos", ImportField::consent_purposes},
    HeaderSynonym{"purposes", ImportField::consent_purposes},
    HeaderSynonym{"consent purposes", ImportField::consent_purposes},
};

std::size_t index_of(ImportField field) { return static_cast<std::size_t>(field); }

void add_issue(std::vector<ImportIssue>& issues, long row, ImportField field, const std::vector<std::string>& headers,
               const ColumnMapping& mapping, std::string code, std::string message_key, std::string_view value) {
  std::string column;
  if (auto index = mapping[index_of(field)]; index && *index < headers.size()) column = headers[*index];
  issues.push_back({row, std::string(to_string(field)), std::move(column), std::move(code), std::move(message_key), std::string(value)});
}

// A value holds characters that are never part of a name or a position: control characters.
bool has_control_characters(std::string_view text) {
  return std::ranges::any_of(text, [](unsigned char c) { return c < 0x20 && c != '\t'; });
}

}  // namespace

std::string_view to_string(ImportField field) { return field_names[index_of(field)]; }

std::optional<ImportField> parse_import_field(std::string_view text) {
  for (auto field : all_import_fields)
    if (to_string(field) == text) return field;
  return std::nullopt;
}

bool is_required(ImportField field) {
  return field == ImportField::given_names || field == ImportField::family_names || field == ImportField::email ||
         field == ImportField::institution || field == ImportField::level;
}

std::string matching_key(std::string_view text) {
  const std::string folded = fold_for_matching(trim(text));
  std::string key;
  key.reserve(folded.size());
  bool pending_space = false;
  for (char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    const bool word = byte >= 0x80 || std::isalnum(byte);
    if (!word) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    key.push_back(c);
  }
  return key;
}

std::optional<ImportField> recognise_header(std::string_view header) {
  const auto key = matching_key(header);
  for (const auto& synonym : header_synonyms)
    if (synonym.key == key) return synonym.field;
  if (auto field = parse_import_field(key); field) return field;
  // Field names as the export writes them ("given_names").
  std::string underscored = key;
  std::ranges::replace(underscored, ' ', '_');
  return parse_import_field(underscored);
}

ColumnMapping suggest_mapping(const std::vector<std::string>& headers, const std::vector<std::string>& subdivision_words) {
  ColumnMapping mapping{};
  for (std::size_t column = 0; column < headers.size(); ++column) {
    auto field = recognise_header(headers[column]);
    if (!field) {
      const auto key = matching_key(headers[column]);
      if (!key.empty() && std::ranges::any_of(subdivision_words, [&](const std::string& word) { return matching_key(word) == key; }))
        field = ImportField::subdivision;
    }
    if (field && !mapping[index_of(*field)]) mapping[index_of(*field)] = column;
  }
  return mapping;
}

std::vector<FieldError> check_mapping(const ColumnMapping& mapping, std::size_t column_count) {
  std::vector<FieldError> errors;
  std::vector<int> uses(column_count, 0);
  for (auto field : all_import_fields) {
    const auto& column = mapping[index_of(field)];
    if (!column) {
      if (is_required(field)) errors.push_back({std::string(to_string(field)), std::nullopt, "unmapped", "error.import.unmapped_field", {}});
      continue;
    }
    if (*column >= column_count) {
      errors.push_back({std::string(to_string(field)), std::nullopt, "no_such_column", "error.import.no_such_column", std::to_string(*column + 1)});
      continue;
    }
    if (++uses[*column] == 2)
      errors.push_back({std::string(to_string(field)), std::nullopt, "column_twice", "error.import.column_twice", std::to_string(*column + 1)});
  }
  return errors;
}

std::optional<std::string> parse_sex_cell(std::string_view text) {
  const auto key = matching_key(text);
  if (key.empty()) return "undisclosed";
  for (std::string_view word : {"f", "fem", "femenino", "mujer", "female", "woman", "w"})
    if (key == word) return "female";
  for (std::string_view word : {"m", "masc", "masculino", "hombre", "h", "varon", "male", "man"})
    if (key == word) return "male";
  for (std::string_view word : {"otro", "otra", "other", "x"})
    if (key == word) return "other";
  for (std::string_view word : {"no indica", "prefiere no decir", "prefiero no decir", "no declarado", "no responde", "undisclosed",
                                "prefer not to say", "not stated", "n a", "na"})
    if (key == word) return "undisclosed";
  return std::nullopt;
}

std::optional<std::string> parse_level_cell(std::string_view text) {
  const auto key = matching_key(text);
  for (std::string_view word : {"nacional", "national", "central", "n"})
    if (key == word) return "national";
  for (std::string_view word : {"local", "regional", "provincial", "municipal", "l"})
    if (key == word) return "local";
  return std::nullopt;
}

std::optional<std::string> parse_date_cell(std::string_view text) {
  text = trim(text);
  if (text.empty()) return std::string();
  auto number = [](std::string_view digits, int& value) {
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return error == std::errc{} && end == digits.data() + digits.size();
  };
  int year = 0, month = 0, day = 0;
  bool parsed = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    parsed = number(text.substr(0, 4), year) && number(text.substr(5, 2), month) && number(text.substr(8, 2), day);
  } else if (const auto first = text.find('/'); first != std::string_view::npos) {
    const auto second = text.find('/', first + 1);
    if (second != std::string_view::npos)
      parsed = number(text.substr(0, first), day) && number(text.substr(first + 1, second - first - 1), month) &&
               number(text.substr(second + 1), year) && text.size() - second - 1 == 4;
  } else if (int serial = 0; number(text, serial) && serial > 0 && serial < 2958466) {
    // Excel's serial day number (1900 system): day 25569 is 1970-01-01.
    const std::chrono::sys_days date{std::chrono::days{serial - 25569}};
    const std::chrono::year_month_day ymd{date};
    year = int(ymd.year());
    month = int(unsigned(ymd.month()));
    day = int(unsigned(ymd.day()));
    parsed = true;
  }
  if (!parsed) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)}, std::chrono::day{unsigned(day)}};
  if (!ymd.ok() || year < 1900 || year > 2200) return std::nullopt;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

ReferenceMatcher::ReferenceMatcher(const std::vector<InstitutionCandidate>& institutions, const std::vector<SubdivisionCandidate>& subdivisions) {
  for (const auto& institution : institutions) {
    for (const auto& text : {institution.acronym, institution.name_es, institution.name_en})
      if (auto key = matching_key(text); !key.empty()) m_institutions.emplace(std::move(key), institution.id);
    for (const auto& alias : institution.aliases)
      if (auto key = matching_key(alias); !key.empty()) m_institutions.emplace(std::move(key), institution.id);
  }
  for (const auto& subdivision : subdivisions) {
    m_subdivisions.emplace(matching_key(subdivision.code), subdivision.code);
    m_subdivisions.emplace(matching_key(subdivision.name), subdivision.code);
    for (const auto& alias : subdivision.aliases)
      if (auto key = matching_key(alias); !key.empty()) m_subdivisions.emplace(std::move(key), subdivision.code);
  }
}

std::optional<Id> ReferenceMatcher::institution(std::string_view text) const {
  const std::string raw(text);
  if (auto memo = m_institution_memo.find(raw); memo != m_institution_memo.end()) return memo->second;
  std::optional<Id> found;
  if (auto match = m_institutions.find(matching_key(text)); match != m_institutions.end()) found = match->second;
  if (m_institution_memo.size() < 100000) m_institution_memo.emplace(raw, found);
  return found;
}

std::optional<std::string> ReferenceMatcher::subdivision(std::string_view text) const {
  const std::string raw(text);
  if (auto memo = m_subdivision_memo.find(raw); memo != m_subdivision_memo.end()) return memo->second;
  const auto found = subdivision_by_key(matching_key(text));
  if (m_subdivision_memo.size() < 100000) m_subdivision_memo.emplace(raw, found);
  return found;
}

std::optional<std::string> ReferenceMatcher::subdivision_by_key(const std::string& key) const {
  if (auto found = m_subdivisions.find(key); found != m_subdivisions.end()) return found->second;
  // "Provincia de Darién", "Comarca Guna Yala".
  for (std::string_view prefix : {"provincia de ", "provincia del ", "provincia ", "comarca de ", "comarca ", "province of "})
    if (key.starts_with(prefix))
      if (auto found = m_subdivisions.find(key.substr(prefix.size())); found != m_subdivisions.end()) return found->second;
  return std::nullopt;
}

ParsedRow parse_import_row(long row, const std::vector<std::string>& cells, const std::vector<std::string>& headers,
                           const ColumnMapping& mapping, const ReferenceMatcher& matcher, std::vector<ImportIssue>& issues) {
  const auto issues_before = issues.size();
  auto cell = [&](ImportField field) -> std::string_view {
    const auto& column = mapping[index_of(field)];
    if (!column || *column >= cells.size()) return {};
    return trim(cells[*column]);
  };
  auto fail = [&](ImportField field, const char* code, const char* key) {
    add_issue(issues, row, field, headers, mapping, code, key, cell(field));
  };

  ImportedPerson person;
  for (auto field : all_import_fields) {
    const auto text = cell(field);
    if (text.empty()) {
      if (is_required(field)) fail(field, "required", "error.import.required");
      continue;
    }
    if (text.size() > 200) {
      fail(field, "too_long", "error.import.too_long");
      continue;
    }
    if (has_control_characters(text)) {
      fail(field, "control_characters", "error.import.control_characters");
      continue;
    }
    switch (field) {
      case ImportField::given_names: person.given_names = text; break;
      case ImportField::family_names: person.family_names = text; break;
      case ImportField::gender_identity: person.gender_identity = text; break;
      case ImportField::phone: person.phone = text; break;
      case ImportField::position: person.position = text; break;
      case ImportField::consent_notice_version: person.consent_notice_version = text; break;
      case ImportField::consent_purposes: person.consent_purposes = text; break;
      case ImportField::sex:
        if (auto sex = parse_sex_cell(text)) person.sex = *sex;
        else fail(field, "unknown_sex", "error.import.unknown_sex");
        break;
      case ImportField::level:
        if (auto level = parse_level_cell(text)) person.level = *level;
        else fail(field, "unknown_level", "error.import.unknown_level");
        break;
      case ImportField::email:
        person.email = normalise_email(text);
        if (!is_valid_email(person.email)) fail(field, "invalid_email", "error.import.invalid_email");
        break;
      case ImportField::institution:
        if (auto id = matcher.institution(text)) person.institution_id = *id;
        else fail(field, "unknown_institution", "error.import.unknown_institution");
        break;
      case ImportField::subdivision:
        if (auto code = matcher.subdivision(text)) person.subdivision_code = *code;
        else fail(field, "unknown_subdivision", "error.import.unknown_subdivision");
        break;
      case ImportField::consent_date:
        if (auto date = parse_date_cell(text)) person.consent_date = *date;
        else fail(field, "invalid_date", "error.import.invalid_date");
        break;
    }
  }
  if (issues.size() != issues_before) return {row, std::nullopt};
  return {row, std::move(person)};
}

void ExistingPeople::add(ExistingPerson person) {
  const auto index = m_people.size();
  if (!person.data.email.empty()) m_by_email.emplace(person.data.email, index);
  m_by_name.emplace(name_and_institution_key(person.data), index);
  m_people.push_back(std::move(person));
}

const ExistingPerson* ExistingPeople::by_email(const std::string& email) const {
  auto found = m_by_email.find(email);
  return found == m_by_email.end() ? nullptr : &m_people[found->second];
}

const ExistingPerson* ExistingPeople::by_name_and_institution(const std::string& key) const {
  auto found = m_by_name.find(key);
  return found == m_by_name.end() ? nullptr : &m_people[found->second];
}

std::string name_and_institution_key(const ImportedPerson& person) {
  return matching_key(person.family_names) + '|' + matching_key(person.given_names) + '|' + std::to_string(person.institution_id);
}

namespace {

std::vector<std::string> changed_fields(const ImportedPerson& before, const ImportedPerson& after) {
  std::vector<std::string> changed;
  auto compare = [&](const std::string& old_value, const std::string& new_value, ImportField field) {
    if (old_value != new_value) changed.emplace_back(to_string(field));
  };
  compare(before.given_names, after.given_names, ImportField::given_names);
  compare(before.family_names, after.family_names, ImportField::family_names);
  compare(before.sex, after.sex, ImportField::sex);
  compare(before.gender_identity, after.gender_identity, ImportField::gender_identity);
  compare(before.phone, after.phone, ImportField::phone);
  if (before.institution_id != after.institution_id) changed.emplace_back(to_string(ImportField::institution));
  compare(before.position, after.position, ImportField::position);
  compare(before.level, after.level, ImportField::level);
  compare(before.subdivision_code, after.subdivision_code, ImportField::subdivision);
  compare(before.consent_date, after.consent_date, ImportField::consent_date);
  compare(before.consent_notice_version, after.consent_notice_version, ImportField::consent_notice_version);
  compare(before.consent_purposes, after.consent_purposes, ImportField::consent_purposes);
  return changed;
}

}  // namespace

ImportPlan plan_import(const std::vector<ParsedRow>& rows, const ExistingPeople& existing, std::vector<ImportIssue>& issues) {
  ImportPlan plan;
  plan.rows.reserve(rows.size());
  std::unordered_map<std::string_view, long> email_rows;
  std::unordered_map<std::string, long> name_rows;
  email_rows.reserve(rows.size());
  name_rows.reserve(rows.size());
  for (const auto& parsed : rows) {
    if (!parsed.person) continue;
    const auto& person = *parsed.person;
    const auto name_key = name_and_institution_key(person);
    auto duplicate = [&](const char* field, const char* code, const char* key, std::string value) {
      issues.push_back({parsed.row, field, {}, code, key, std::move(value)});
    };
    if (auto [first, inserted] = email_rows.emplace(person.email, parsed.row); !inserted) {
      duplicate("email", "duplicate_in_file", "error.import.duplicate_email_in_file", person.email + " (" + std::to_string(first->second) + ")");
      continue;
    }
    if (auto [first, inserted] = name_rows.emplace(name_key, parsed.row); !inserted) {
      duplicate("family_names", "duplicate_in_file", "error.import.duplicate_name_in_file",
                person.given_names + " " + person.family_names + " (" + std::to_string(first->second) + ")");
      continue;
    }

    PlannedRow planned{parsed.row, ImportAction::create, std::nullopt, true, &person, {}};
    if (const auto* same = existing.by_email(person.email)) {
      planned.person_id = same->id;
      planned.enrol = !same->enrolled_in_programme;
      planned.changed_fields = changed_fields(same->data, person);
      planned.action = planned.changed_fields.empty() ? ImportAction::unchanged : ImportAction::update;
    } else if (const auto* namesake = existing.by_name_and_institution(name_key)) {
      duplicate("email", "possible_duplicate", "error.import.possible_duplicate",
                person.given_names + " " + person.family_names + " <" + namesake->data.email + ">");
      continue;
    }
    switch (planned.action) {
      case ImportAction::create: ++plan.created; break;
      case ImportAction::update: ++plan.updated; break;
      case ImportAction::unchanged: ++plan.unchanged; break;
    }
    if (planned.enrol) ++plan.enrolled;
    plan.rows.push_back(std::move(planned));
  }
  return plan;
}

}  // namespace diplomado
