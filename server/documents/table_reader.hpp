#pragma once
// Reads a spreadsheet as people send it: CSV (UTF-8 with or without BOM, or Windows-1252; comma,
// semicolon or tab; CRLF or LF) or XLSX (the first sheet). Rows are handed over one at a time,
// decoded to UTF-8, so memory holds the file's bytes and one row, not a second copy of the file.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "services/import_participants.hpp"

namespace diplomado::documents {

// Larger files are refused before any parsing: nominations are far smaller, and a server must
// bound what one request can cost.
inline constexpr std::size_t max_table_bytes = 16 * 1024 * 1024;
// What an XLSX may unpack to at most, in all (a ZIP bomb unpacks to gigabytes).
inline constexpr std::size_t max_unpacked_bytes = 256 * 1024 * 1024;

struct TableInfo {
  std::string format;     // csv | xlsx
  std::string encoding;   // utf-8 | utf-8-bom | windows-1252 (CSV); utf-8 (XLSX)
  std::string separator;  // ";" "," or "\t" (CSV); empty for XLSX
  long rows = 0;          // data rows, without the header
  std::string sheet = {};  // XLSX: the name of the sheet read
};

// Called once per row; row 1 is the header. Rows whose cells are all empty are skipped. Return
// false to stop reading.
using RowHandler = std::function<bool(long row, std::vector<std::string>& cells)>;

Result<TableInfo> read_table(std::string_view bytes, const RowHandler& on_row, std::size_t unpacked_limit = max_unpacked_bytes);

// The reader the import use case takes, over bytes that outlive it.
services::TableReader table_reader_for(std::string_view bytes);

// Windows-1252 to UTF-8 (exposed for tests and the benchmark's generator).
std::string windows1252_to_utf8(std::string_view text);
std::string utf8_to_windows1252(std::string_view text);
bool is_valid_utf8(std::string_view text);

}  // namespace diplomado::documents
