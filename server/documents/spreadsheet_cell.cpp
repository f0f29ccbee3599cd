#include "documents/spreadsheet_cell.hpp"

namespace diplomado::documents {

std::string neutralise_formula(std::string_view cell) {
  if (!cell.empty()) {
    const char first = cell.front();
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') return "'" + std::string(cell);
  }
  return std::string(cell);
}

std::string csv_cell(std::string_view cell, char separator) {
  const auto safe = neutralise_formula(cell);
  if (safe.find_first_of(std::string("\"\r\n") + separator) == std::string::npos) return safe;
  std::string quoted = "\"";
  for (char c : safe) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  return quoted + '"';
}

}  // namespace diplomado::documents
