#include "documents/table_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "documents/spreadsheet_cell.hpp"

namespace diplomado::documents {
namespace {

std::string number_text(double value, Language language) {
  auto text = fmt::format("{}", value);
  if (language == Language::es)
    for (auto& c : text)
      if (c == '.') c = ',';
  return text;
}

}  // namespace

std::string table_csv(const Table& table, Language language) {
  const char separator = language == Language::es ? ';' : ',';
  std::string out = language == Language::es ? "\xEF\xBB\xBF" : "";
  auto append_text = [&](std::size_t column, const std::string& text) {
    if (column) out.push_back(separator);
    out += csv_cell(text, separator);
  };
  for (std::size_t column = 0; column < table.headers.size(); ++column) append_text(column, table.headers[column]);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      if (const auto* text = std::get_if<std::string>(&row[column])) append_text(column, *text);
      else if (const auto* number = std::get_if<double>(&row[column])) append_text(column, number_text(*number, language));
      else append_text(column, {});
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> table_xlsx(const Table& table) { return workbook_xlsx({table}); }

Result<std::string> workbook_xlsx(const std::vector<Table>& tables) {
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
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (const auto& table : tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.sheet.c_str());
    if (!sheet) {
      workbook_close(workbook);
      return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
    }
    for (std::size_t column = 0; column < table.headers.size(); ++column)
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), table.headers[column].c_str(), bold);
    lxw_row_t row_number = 1;
    for (const auto& row : table.rows) {
      for (std::size_t column = 0; column < row.size(); ++column) {
        const auto at = static_cast<lxw_col_t>(column);
        if (const auto* text = std::get_if<std::string>(&row[column])) {
          if (!text->empty()) worksheet_write_string(sheet, row_number, at, neutralise_formula(*text).c_str(), nullptr);
        } else if (const auto* number = std::get_if<double>(&row[column])) {
          worksheet_write_number(sheet, row_number, at, *number, nullptr);
        }
      }
      ++row_number;
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (table.filter && !table.headers.empty())
      worksheet_autofilter(sheet, 0, 0, row_number - 1, static_cast<lxw_col_t>(table.headers.size() - 1));
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace diplomado::documents
