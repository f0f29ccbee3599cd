#pragma once
// One table written as CSV or XLSX, in the reader's language. Every export (participants, the
// gradebook) is such a table; text cells are neutralised against formula injection, numbers stay
// numbers in XLSX and take the language's decimal mark in CSV.
#include <string>
#include <variant>
#include <vector>

#include "domain/error.hpp"
#include "domain/messages.hpp"

namespace diplomado::documents {

using TableCell = std::variant<std::monostate, std::string, double>;

struct Table {
  std::string sheet;  // the XLSX sheet's name
  std::vector<std::string> headers;
  std::vector<std::vector<TableCell>> rows;
  bool filter = true;  // an autofilter on the header row (not on a cover sheet of label and value)
};

// Spanish: semicolons, decimal commas and a UTF-8 BOM, as Excel in a Spanish locale opens them;
// English: commas and decimal points.
std::string table_csv(const Table& table, Language language);
Result<std::string> table_xlsx(const Table& table);
// One sheet per table, in order; sheet names must be distinct and at most 31 characters.
Result<std::string> workbook_xlsx(const std::vector<Table>& tables);

}  // namespace diplomado::documents
