#include "documents/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

namespace diplomado::documents {
namespace {

Error xlsx_error(std::string code, std::string key, std::string value = {}) {
  Error error = make_error(ErrorCode::invalid_input, key);
  error.details.push_back({"file", std::nullopt, std::move(code), std::move(key), std::move(value)});
  return error;
}

std::string_view local_name(const XML_Char* name) {
  std::string_view text(name);
  if (auto colon = text.rfind(':'); colon != std::string_view::npos) text.remove_prefix(colon + 1);
  return text;
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view wanted) {
  for (auto a = attributes; a && *a; a += 2)
    if (local_name(a[0]) == wanted) return a[1];
  return nullptr;
}

// Everything read from the archive counts against one budget, whatever sizes the archive claims.
struct Archive {
  zip_t* zip = nullptr;
  std::size_t unpacked = 0;
  std::size_t limit = max_unpacked_bytes;
  ~Archive() {
    if (zip) zip_discard(zip);
  }
};

// Streams one entry through an expat parser. Returns an error key on failure.
template <class Handler>
std::optional<Error> parse_entry(Archive& archive, const std::string& name, Handler& handler) {
  const auto index = zip_name_locate(archive.zip, name.c_str(), 0);
  if (index < 0) return xlsx_error("not_a_table", "error.import.not_a_table", name);
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive.zip, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  if (!file) return xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", name);

  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
  XML_SetUserData(parser.get(), &handler);
  XML_SetElementHandler(
      parser.get(), [](void* data, const XML_Char* element, const XML_Char** attributes) { static_cast<Handler*>(data)->start(local_name(element), attributes); },
      [](void* data, const XML_Char* element) { static_cast<Handler*>(data)->end(local_name(element)); });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int length) {
    static_cast<Handler*>(data)->text(std::string_view(text, static_cast<std::size_t>(length)));
  });
  // Spreadsheets need no DTD; one is how entity expansion attacks start.
  XML_SetStartDoctypeDeclHandler(parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<Handler*>(data)->refused = true;
  });
  handler.parser = parser.get();

  char buffer[64 * 1024];
  while (true) {
    const auto read = zip_fread(file.get(), buffer, sizeof buffer);
    if (read < 0) return xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", name);
    archive.unpacked += static_cast<std::size_t>(read);
    if (archive.unpacked > archive.limit) return xlsx_error("unpacks_too_large", "error.import.unpacks_too_large", name);
    if (handler.refused) return xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", name);
    const bool final = read == 0;
    if (XML_Parse(parser.get(), buffer, static_cast<int>(read), final) == XML_STATUS_ERROR) {
      if (handler.stopped) return std::nullopt;
      return xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", name);
    }
    if (handler.refused) return xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", name);
    if (final || handler.stopped) return std::nullopt;
  }
}

struct HandlerBase {
  XML_Parser parser = nullptr;
  bool refused = false;
  bool stopped = false;
};

// xl/workbook.xml: the relationship id and name of the wanted sheet (the first unless said).
struct WorkbookHandler : HandlerBase {
  std::size_t wanted = 0;
  std::size_t seen = 0;
  std::string first_sheet_relation;
  std::string sheet_name;
  void start(std::string_view element, const XML_Char** attributes) {
    if (element != "sheet") return;
    if (seen++ != wanted) return;
    if (auto id = attribute(attributes, "id")) first_sheet_relation = id;
    if (auto name = attribute(attributes, "name")) sheet_name = name;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

// xl/_rels/workbook.xml.rels: where that sheet is.
struct RelationsHandler : HandlerBase {
  std::string wanted;
  std::string target;
  void start(std::string_view element, const XML_Char** attributes) {
    if (element != "Relationship") return;
    auto id = attribute(attributes, "Id");
    auto where = attribute(attributes, "Target");
    if (id && where && wanted == id) target = where;
  }
  void end(std::string_view) {}
  void text(std::string_view) {}
};

// xl/sharedStrings.xml: each <si> is the text of its <t> runs; phonetic runs (<rPh>) are not text.
struct SharedStringsHandler : HandlerBase {
  std::vector<std::string> strings;
  std::string current;
  bool in_text = false;
  int phonetic = 0;
  std::size_t bytes = 0;
  void start(std::string_view element, const XML_Char**) {
    if (element == "si") current.clear();
    else if (element == "rPh") ++phonetic;
    else if (element == "t") in_text = phonetic == 0;
  }
  void end(std::string_view element) {
    if (element == "si") {
      bytes += current.size();
      strings.push_back(std::move(current));
      current.clear();
    } else if (element == "rPh") {
      --phonetic;
    } else if (element == "t") {
      in_text = false;
    }
  }
  void text(std::string_view text) {
    if (in_text) current.append(text);
  }
};

// Column letters of a cell reference ("AB12") to a 0-based index.
std::optional<std::size_t> column_of(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 3) return std::nullopt;  // beyond XFD, Excel's last column
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

// Numbers as a person would type them: 61234567, not 6.1234567E7; 8.5 stays 8.5.
std::string number_text(const std::string& raw) {
  char* end = nullptr;
  const double value = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str() || *end != '\0' || !std::isfinite(value)) return raw;
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

struct SheetHandler : HandlerBase {
  const std::vector<std::string>* shared = nullptr;
  const RowHandler* on_row = nullptr;
  std::vector<std::string> cells;
  long row = 0;
  long next_row = 1;
  long header_row = 0;
  std::size_t header_width = 0;
  long data_rows = 0;
  std::optional<std::size_t> column;
  std::string type;
  std::string value;
  bool in_value = false;
  bool bad_reference = false;

  void start(std::string_view element, const XML_Char** attributes) {
    if (element == "row") {
      cells.clear();
      const auto* number = attribute(attributes, "r");
      row = number ? std::atol(number) : next_row;
      if (row < next_row) row = next_row;  // rows go down the sheet
      next_row = row + 1;
    } else if (element == "c") {
      const auto* reference = attribute(attributes, "r");
      column = reference ? column_of(reference) : std::optional<std::size_t>(cells.size());
      if (!column) bad_reference = true;
      const auto* kind = attribute(attributes, "t");
      type = kind ? kind : "n";
      value.clear();
    } else if (element == "v" || element == "t") {
      in_value = true;
    }
  }

  void end(std::string_view element) {
    if (element == "v" || element == "t") {
      in_value = false;
    } else if (element == "c") {
      if (!column) return;
      std::string text;
      if (type == "s") {
        char* end = nullptr;
        const auto index = std::strtoul(value.c_str(), &end, 10);
        if (end != value.c_str() && index < shared->size()) text = (*shared)[index];
      } else if (type == "n") {
        text = number_text(value);
      } else if (type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      } else {
        text = value;  // inlineStr, str (a formula's text), e (an error such as #N/A)
      }
      if (*column >= cells.size()) cells.resize(*column + 1);
      cells[*column] = std::move(text);
    } else if (element == "row") {
      const bool blank = std::ranges::all_of(cells, [](const std::string& cell) { return cell.empty(); });
      if (blank) return;
      if (header_row == 0) {
        header_row = row;
        header_width = cells.size();
      } else {
        ++data_rows;
        // A sheet omits empty cells at the end of a row, and may keep formatted empty ones past
        // the header: neither is a cell the person typed.
        while (cells.size() > header_width && cells.back().empty()) cells.pop_back();
        if (cells.size() < header_width) cells.resize(header_width);
      }
      // Rows are numbered as the spreadsheet numbers them, so errors point at the right row.
      if (!(*on_row)(row, cells)) {
        stopped = true;
        XML_StopParser(parser, XML_FALSE);
      }
    }
  }

  void text(std::string_view text) {
    if (in_value) value.append(text);
  }
};

}  // namespace

Result<TableInfo> read_xlsx(std::string_view bytes, const RowHandler& on_row, std::size_t unpacked_limit) {
  return read_xlsx_sheet(bytes, 0, on_row, unpacked_limit);
}

Result<TableInfo> read_xlsx_sheet(std::string_view bytes, std::size_t sheet_index, const RowHandler& on_row, std::size_t unpacked_limit) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zip_error);
  if (!source) return std::unexpected(xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx"));
  Archive archive;
  archive.limit = unpacked_limit;
  archive.zip = zip_open_from_source(source, ZIP_RDONLY, &zip_error);
  zip_error_fini(&zip_error);
  if (!archive.zip) {
    zip_source_free(source);
    return std::unexpected(xlsx_error("not_a_table", "error.import.not_a_table", "ZIP"));
  }
  if (zip_get_num_entries(archive.zip, 0) > 10000) return std::unexpected(xlsx_error("unpacks_too_large", "error.import.unpacks_too_large"));

  WorkbookHandler workbook;
  workbook.wanted = sheet_index;
  if (auto failed = parse_entry(archive, "xl/workbook.xml", workbook)) return std::unexpected(*failed);
  if (workbook.first_sheet_relation.empty()) return std::unexpected(xlsx_error("empty_file", "error.import.empty_file"));
  RelationsHandler relations;
  relations.wanted = workbook.first_sheet_relation;
  if (auto failed = parse_entry(archive, "xl/_rels/workbook.xml.rels", relations)) return std::unexpected(*failed);
  if (relations.target.empty()) return std::unexpected(xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", "xl/_rels/workbook.xml.rels"));
  const std::string sheet = relations.target.starts_with('/') ? relations.target.substr(1) : "xl/" + relations.target;

  SharedStringsHandler shared;
  if (zip_name_locate(archive.zip, "xl/sharedStrings.xml", 0) >= 0)
    if (auto failed = parse_entry(archive, "xl/sharedStrings.xml", shared)) return std::unexpected(*failed);

  SheetHandler rows;
  rows.shared = &shared.strings;
  rows.on_row = &on_row;
  if (auto failed = parse_entry(archive, sheet, rows)) return std::unexpected(*failed);
  if (rows.bad_reference) return std::unexpected(xlsx_error("corrupt_xlsx", "error.import.corrupt_xlsx", sheet));
  if (rows.header_row == 0) return std::unexpected(xlsx_error("empty_file", "error.import.empty_file"));
  return TableInfo{"xlsx", "utf-8", "", rows.data_rows, workbook.sheet_name};
}

}  // namespace diplomado::documents
