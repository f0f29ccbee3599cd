#pragma once
// A small XLSX reader (libzip + expat): the first sheet of the workbook, with shared strings,
// inline strings, numbers and booleans. No Debian package reads XLSX in C++, so this one is kept
// small, bounded (entries, unpacked bytes, no DTDs) and fuzzed in its tests.
#include <string_view>

#include "documents/table_reader.hpp"

namespace diplomado::documents {

Result<TableInfo> read_xlsx(std::string_view bytes, const RowHandler& on_row, std::size_t unpacked_limit);
// The same for the sheet at `sheet_index` (from 0); TableInfo.sheet is its name.
Result<TableInfo> read_xlsx_sheet(std::string_view bytes, std::size_t sheet_index, const RowHandler& on_row, std::size_t unpacked_limit);

}  // namespace diplomado::documents
