#include "documents/spreadsheet_cell.hpp"

namespace diplomado::documents {

std::string neutralise_formula(std::string_view cell) {
  if (!cell.empty()) {
    const char first = cell.front();
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') return "'" + std::string(cell);
  }
  return std::string(cell);
}

}  // namespace diplomado::documents
