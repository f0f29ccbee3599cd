#include "documents/participant_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "documents/spreadsheet_cell.hpp"

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

std::vector<std::string> headers(Language language) {
  std::vector<std::string> result;
  for (const auto* key : header_keys) result.push_back(translate(key, language));
  return result;
}

}  // namespace

std::string participants_csv(const std::vector<ParticipantRecord>& records, Language language) {
  const char separator = language == Language::es ? ';' : ',';
  std::string out = language == Language::es ? "\xEF\xBB\xBF" : "";
  auto append_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out.push_back(separator);
      out += csv_cell(cells[i], separator);
    }
    out += "\r\n";
  };
  append_row(headers(language));
  for (const auto& record : records) append_row(cells_of(record, language));
  return out;
}

Result<std::string> participants_xlsx(const std::vector<ParticipantRecord>& records, Language language) {
  // libxlsxwriter 1.1.4 writes to a file only; a private temporary file, removed at once.
  std::string path = (std::filesystem::temp_directory_path() / "diplomado-export-XXXXXX").string();
  const int descriptor = ::mkstemp(path.data());
  if (descriptor < 0) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  ::close(descriptor);
  struct Remove {
    std::string path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{path};

  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, translate("export.sheet", language).c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  const auto header_cells = headers(language);
  for (std::size_t column = 0; column < header_cells.size(); ++column)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), header_cells[column].c_str(), bold);
  lxw_row_t row_number = 1;
  for (const auto& record : records) {
    const auto cells = cells_of(record, language);
    for (std::size_t column = 0; column < cells.size(); ++column)
      if (!cells[column].empty())
        worksheet_write_string(sheet, row_number, static_cast<lxw_col_t>(column), neutralise_formula(cells[column]).c_str(), nullptr);
    ++row_number;
  }
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, row_number - 1, static_cast<lxw_col_t>(header_cells.size() - 1));
  if (workbook_close(workbook) != LXW_NO_ERROR) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace diplomado::documents
