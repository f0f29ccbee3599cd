#include "documents/participant_export.hpp"

#include <array>

#include "documents/table_writer.hpp"

namespace diplomado::documents {
namespace {

constexpr std::array<const char*, 15> header_keys{
    "export.given_names", "export.family_names", "export.sex",   "export.gender_identity", "export.email",
    "export.phone",       "export.institution",  "export.position", "export.level",        "export.subdivision",
    "export.team",        "export.status",       "export.consent_date", "export.consent_notice_version", "export.consent_purposes"};

std::vector<std::string> cells_of(const ParticipantRecord& record, Language language) {
  const auto& row = record.row;
  const auto value = [&](const char* prefix, const std::string& code) { return translate(std::string(prefix) + code, language); };
  const std::string institution = row.institution.acronym.empty() ? row.institution.name.es : row.institution.acronym;
  return {row.given_names,
          row.family_names,
          value("export.value.", row.sex),
          record.gender_identity,
          record.email,
          record.phone,
          institution,
          row.position,
          value("export.value.", row.level),
          row.subdivision.name,
          row.team_name,
          value("export.value.", std::string(to_string(row.status))),
          record.consent_date,
          record.consent_notice_version,
          record.consent_purposes};
}

}  // namespace

Table participants_table(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header) {
  Table table{translate("export.sheet", language), {}, {}};
  for (const auto* key : header_keys)
    table.headers.push_back(std::string_view(key) == "export.subdivision" && !subdivision_header.empty() ? subdivision_header : translate(key, language));
  table.rows.reserve(records.size());
  for (const auto& record : records) {
    auto& row = table.rows.emplace_back();
    for (auto& cell : cells_of(record, language)) row.emplace_back(std::move(cell));
  }
  return table;
}

std::string participants_csv(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header) {
  return table_csv(participants_table(records, language, subdivision_header), language);
}

Result<std::string> participants_xlsx(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header) {
  return table_xlsx(participants_table(records, language, subdivision_header));
}

}  // namespace diplomado::documents
