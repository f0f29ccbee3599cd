#include "documents/table_reader.hpp"

#include <utility>

#include <csv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "documents/xlsx_reader.hpp"

namespace diplomado::documents {
namespace {

// Windows-1252's 0x80..0x9F; the rest of its upper half is Latin-1, which is Unicode's.
constexpr std::array<char16_t, 32> windows1252_high{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

Error table_error(std::string code, std::string key, std::string value = {}) {
  Error error = make_error(ErrorCode::invalid_input, key);
  error.details.push_back({"file", std::nullopt, std::move(code), std::move(key), std::move(value)});
  return error;
}

// Text files have no NUL bytes and few control characters; anything else is some binary format.
bool looks_binary(std::string_view bytes) {
  const auto sample = bytes.substr(0, 64 * 1024);
  std::size_t controls = 0;
  for (unsigned char c : sample) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f') ++controls;
  }
  return controls * 100 > sample.size();
}

// The separator that appears most often on the header line, outside quotes.
char detect_separator(std::string_view text) {
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> candidates{';', ',', '\t'};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (c == candidates[i]) ++counts[i];
  }
  const auto best = std::ranges::max_element(counts) - counts.begin();
  return counts[best] == 0 ? ',' : candidates[best];
}

struct CsvState {
  const RowHandler* on_row = nullptr;
  bool windows1252 = false;
  std::vector<std::string> cells;
  long row = 0;
  long data_rows = 0;
  bool header_seen = false;
  bool stopped = false;
  int last_end = 0;  // the character that ended the previous record
};

void on_field(void* data, std::size_t length, void* state_pointer) {
  auto& state = *static_cast<CsvState*>(state_pointer);
  const std::string_view raw(data ? static_cast<const char*>(data) : "", data ? length : 0);
  state.cells.push_back(state.windows1252 ? windows1252_to_utf8(raw) : std::string(raw));
}

// Rows are numbered as a spreadsheet shows them: every line counts, blank ones too (libcsv is
// told to report them), so a CSV and an XLSX of the same data give the same row numbers. The
// line feed of a CR LF pair ends no row of its own.
void on_record(int end, void* state_pointer) {
  auto& state = *static_cast<CsvState*>(state_pointer);
  const int previous = std::exchange(state.last_end, end);
  if (state.cells.empty() && end == '\n' && previous == '\r') return;
  ++state.row;
  const bool blank = std::ranges::all_of(state.cells, [](const std::string& cell) { return cell.find_first_not_of(" \t") == std::string::npos; });
  if (!blank && !state.stopped) {
    if (state.header_seen) ++state.data_rows;
    state.header_seen = true;
    if (!(*state.on_row)(state.row, state.cells)) state.stopped = true;
  }
  state.cells.clear();
}

int is_space_only(unsigned char c) { return c == ' ' ? 1 : 0; }

Result<TableInfo> read_csv(std::string_view bytes, const RowHandler& on_row) {
  TableInfo info{"csv", "utf-8", "", 0};
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    info.encoding = "utf-8-bom";
  } else if (!is_valid_utf8(bytes)) {
    info.encoding = "windows-1252";
  }
  const char separator = detect_separator(bytes);
  info.separator = std::string(1, separator);

  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_REPALL_NL) != 0) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  csv_set_space_func(&parser, is_space_only);
  CsvState state;
  state.on_row = &on_row;
  state.windows1252 = info.encoding == "windows-1252";

  constexpr std::size_t chunk = 64 * 1024;
  bool failed = false;
  for (std::size_t offset = 0; offset < bytes.size() && !state.stopped; offset += chunk) {
    const auto piece = bytes.substr(offset, chunk);
    if (csv_parse(&parser, piece.data(), piece.size(), on_field, on_record, &state) != piece.size()) {
      failed = true;
      break;
    }
  }
  if (!failed && !state.stopped && csv_fini(&parser, on_field, on_record, &state) != 0) failed = true;
  csv_free(&parser);
  if (failed)
    return std::unexpected(table_error("malformed_csv", "error.import.malformed_csv", std::to_string(state.row + 1)));
  info.rows = state.data_rows;
  if (!state.header_seen) return std::unexpected(table_error("empty_file", "error.import.empty_file"));
  return info;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const auto size = text.size();
  while (i < size) {
    // Eight ASCII bytes at a time: most of a nominations file is ASCII.
    while (i + 8 <= size) {
      std::uint64_t block;
      std::memcpy(&block, text.data() + i, 8);
      if (block & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= size) break;
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > size) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values beyond Unicode are not UTF-8.
    if ((length == 2 && code < 0x80) || (length == 3 && code < 0x800) || (length == 4 && code < 0x10000) || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += length;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (unsigned char c : text) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else if (c < 0xA0) append_utf8(out, windows1252_high[c - 0x80]);
    else append_utf8(out, c);
  }
  return out;
}

std::string utf8_to_windows1252(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    char32_t code = c;
    std::size_t length = 1;
    if ((c & 0xE0) == 0xC0 && i + 1 < text.size()) code = ((c & 0x1F) << 6) | (text[i + 1] & 0x3F), length = 2;
    else if ((c & 0xF0) == 0xE0 && i + 2 < text.size())
      code = ((c & 0x0F) << 12) | ((text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F), length = 3;
    i += length;
    if (code < 0x80 || (code >= 0xA0 && code <= 0xFF)) {
      out.push_back(static_cast<char>(code));
      continue;
    }
    const auto found = std::ranges::find(windows1252_high, static_cast<char16_t>(code));
    out.push_back(found == windows1252_high.end() ? '?' : static_cast<char>(0x80 + (found - windows1252_high.begin())));
  }
  return out;
}

services::TableReader table_reader_for(std::string_view bytes) {
  return [bytes](const services::RowVisitor& visit) -> Result<services::TableShape> {
    auto info = read_table(bytes, visit);
    if (!info) return std::unexpected(info.error());
    return services::TableShape{info->format, info->encoding, info->separator};
  };
}

Result<TableInfo> read_table(std::string_view bytes, const RowHandler& on_row, std::size_t unpacked_limit) {
  if (bytes.size() > max_table_bytes)
    return std::unexpected(table_error("too_large", "error.import.too_large", std::to_string(bytes.size() / (1024 * 1024)) + " MiB"));
  if (bytes.empty()) return std::unexpected(table_error("empty_file", "error.import.empty_file"));
  if (bytes.starts_with("PK\x03\x04")) return read_xlsx(bytes, on_row, unpacked_limit);
  if (bytes.starts_with("%PDF")) return std::unexpected(table_error("not_a_table", "error.import.not_a_table", "PDF"));
  if (looks_binary(bytes)) return std::unexpected(table_error("not_a_table", "error.import.not_a_table"));
  return read_csv(bytes, on_row);
}

}  // namespace diplomado::documents
