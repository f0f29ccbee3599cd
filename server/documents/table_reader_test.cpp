#include "documents/table_reader.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace diplomado::documents {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string fixture(const char* name) { return read_file(std::filesystem::path(DIPLOMADO_FIXTURES_DIR) / name); }

struct Collected {
  std::vector<long> rows;
  std::vector<std::vector<std::string>> cells;
  RowHandler handler() {
    return [this](long row, std::vector<std::string>& values) {
      rows.push_back(row);
      cells.push_back(values);
      return true;
    };
  }
};

TEST(ReadTable, SpanishExcelCsvIsSemicolonSeparatedWindows1252) {
  Collected got;
  auto info = read_table(fixture("nominations_excel_es.csv"), got.handler());
  ASSERT_TRUE(info) << info.error().details.at(0).code;
  EXPECT_EQ(info->format, "csv");
  EXPECT_EQ(info->encoding, "windows-1252");
  EXPECT_EQ(info->separator, ";");
  EXPECT_EQ(info->rows, 5);
  ASSERT_EQ(got.cells.size(), 6u);
  EXPECT_EQ(got.cells[0][3], "Institución");
  EXPECT_EQ(got.cells[1][1], "Ábrego Núñez");
  EXPECT_EQ(got.rows.front(), 1);
  EXPECT_EQ(got.rows.back(), 6);
}

TEST(ReadTable, Utf8WithBomCommaSeparatedAndQuotedCells) {
  Collected got;
  auto info = read_table(fixture("nominations_utf8_bom.csv"), got.handler());
  ASSERT_TRUE(info);
  EXPECT_EQ(info->encoding, "utf-8-bom");
  EXPECT_EQ(info->separator, ",");
  EXPECT_EQ(got.cells[0][0], "Given names");  // no BOM left in the first header
  EXPECT_EQ(got.cells[2][1], "Él-Hadj, Jr.");
  EXPECT_EQ(got.cells[3][6], "Ngäbe-Buglé");
}

TEST(ReadTable, LineEndingsDoNotMatterAndRowsAreNumberedAsASpreadsheetShowsThem) {
  Collected crlf, lf, cr;
  ASSERT_TRUE(read_table("a,b\r\n1,2\r\n\r\n3,4\r\n", crlf.handler()));
  ASSERT_TRUE(read_table("a,b\n1,2\n\n3,4", lf.handler()));
  ASSERT_TRUE(read_table("a,b\r1,2\r\r3,4\r", cr.handler()));
  EXPECT_EQ(crlf.cells, lf.cells);
  EXPECT_EQ(cr.cells, lf.cells);
  EXPECT_EQ(lf.cells.size(), 3u);
  // The header is row 1 and the blank line is row 3, so "3,4" is row 4 (it was 3 before).
  for (const auto* got : {&crlf, &lf, &cr}) EXPECT_EQ(got->rows, (std::vector<long>{1, 2, 4}));
  // Blank lines before the header count too, as in a spreadsheet; a quoted line break is one row.
  Collected leading, quoted;
  ASSERT_TRUE(read_table("\r\n\r\na,b\r\n1,2\r\n", leading.handler()));
  EXPECT_EQ(leading.rows, (std::vector<long>{3, 4}));
  ASSERT_TRUE(read_table("a,b\n\"x\ny\",2\n\n3,4\n", quoted.handler()));
  EXPECT_EQ(quoted.rows, (std::vector<long>{1, 2, 4}));
}

TEST(ReadTable, RefusesWhatIsNotATable) {
  auto code = [](std::string_view bytes) {
    auto info = read_table(bytes, [](long, std::vector<std::string>&) { return true; });
    return info ? std::string("ok") : info.error().details.at(0).code;
  };
  EXPECT_EQ(code(""), "empty_file");
  EXPECT_EQ(code("\r\n\r\n"), "empty_file");
  EXPECT_EQ(code(fixture("renamed.pdf.csv")), "not_a_table");
  EXPECT_EQ(code(std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10)), "not_a_table");
  EXPECT_EQ(code("PK\x03\x04garbage that is no zip"), "not_a_table");
  EXPECT_EQ(code("a;b\n\"unclosed;2\n"), "malformed_csv");
  EXPECT_EQ(code(std::string(max_table_bytes + 1, 'a')), "too_large");
}

TEST(ReadTable, Windows1252RoundTrip) {
  const std::string text = "Ñandú – “Guna Yala” €";
  EXPECT_EQ(windows1252_to_utf8(utf8_to_windows1252(text)), text);
  EXPECT_TRUE(is_valid_utf8(text));
  EXPECT_FALSE(is_valid_utf8("\xC3"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));  // overlong '/'
}

std::filesystem::path temporary(const char* name) {
  return std::filesystem::temp_directory_path() / (std::to_string(::getpid()) + "-" + name);
}

// An XLSX as Excel users send it, written by libxlsxwriter: shared strings, numbers, a gap.
std::string written_xlsx() {
  const auto path = temporary("nominations.xlsx");
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Nominaciones");
  const char* headers[] = {"Nombre", "Apellido", "Institución", "Nivel", "Provincia", "Correo", "Teléfono"};
  for (int column = 0; column < 7; ++column) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column), headers[column], nullptr);
  worksheet_write_string(sheet, 1, 0, "Ana", nullptr);
  worksheet_write_string(sheet, 1, 1, "Ábrego", nullptr);
  worksheet_write_string(sheet, 1, 2, "SENAFRONT", nullptr);
  worksheet_write_string(sheet, 1, 3, "Nacional", nullptr);
  worksheet_write_string(sheet, 1, 4, "Darién", nullptr);
  worksheet_write_string(sheet, 1, 5, "ana@example.org", nullptr);
  worksheet_write_number(sheet, 1, 6, 61234567, nullptr);
  // Row 3 left empty; row 4 has a number with decimals and a missing middle cell.
  worksheet_write_string(sheet, 3, 0, "Luis", nullptr);
  worksheet_write_number(sheet, 3, 3, 8.5, nullptr);
  worksheet_write_string(sheet, 3, 5, "luis@example.org", nullptr);
  workbook_add_worksheet(workbook, "Otra hoja");
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  auto bytes = read_file(path);
  std::filesystem::remove(path);
  return bytes;
}

TEST(ReadXlsx, FirstSheetWithSharedStringsNumbersAndSpreadsheetRowNumbers) {
  Collected got, csv;
  auto info = read_table(written_xlsx(), got.handler());
  // The same rows as CSV, a blank line where the sheet leaves row 3 empty: the same numbers.
  ASSERT_TRUE(read_table("Nombre,Apellido\r\nAna,Ábrego\r\n\r\nLuis,\r\n", csv.handler()));
  EXPECT_EQ(csv.rows, (std::vector<long>{1, 2, 4}));
  ASSERT_TRUE(info) << info.error().details.at(0).code;
  EXPECT_EQ(info->format, "xlsx");
  EXPECT_EQ(info->rows, 2);
  ASSERT_EQ(got.rows, (std::vector<long>{1, 2, 4}));
  EXPECT_EQ(got.cells[0][2], "Institución");
  EXPECT_EQ(got.cells[1][4], "Darién");
  EXPECT_EQ(got.cells[1][6], "61234567");
  EXPECT_EQ(got.cells[2][0], "Luis");
  EXPECT_EQ(got.cells[2][2], "");
  EXPECT_EQ(got.cells[2][3], "8.5");
}

// A hand-made archive: inline strings, and whatever entries a test wants.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const auto path = temporary("made.zip");
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  std::vector<std::string> keep;
  keep.reserve(entries.size());
  for (const auto& [name, content] : entries) {
    keep.push_back(content);
    zip_source_t* source = zip_source_buffer(zip, keep.back().data(), keep.back().size(), 0);
    zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE);
  }
  EXPECT_EQ(zip_close(zip), 0);
  auto bytes = read_file(path);
  std::filesystem::remove(path);
  return bytes;
}

const std::string workbook_xml =
    R"(<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string relations_xml = R"(<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>)";

TEST(ReadXlsx, InlineStringsWithoutASharedStringsPart) {
  const std::string sheet =
      R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nombre</t></is></c><c r="B1" t="inlineStr"><is><t>Nivel</t></is></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>Zoë &amp; Ña</t></is></c><c r="B2" t="b"><v>1</v></c></row></sheetData></worksheet>)";
  Collected got;
  auto info = read_table(make_zip({{"xl/workbook.xml", workbook_xml}, {"xl/_rels/workbook.xml.rels", relations_xml}, {"xl/worksheets/sheet1.xml", sheet}}),
                         got.handler());
  ASSERT_TRUE(info);
  EXPECT_EQ(got.cells[1][0], "Zoë & Ña");
  EXPECT_EQ(got.cells[1][1], "TRUE");
}

TEST(ReadXlsx, AZipBombIsStoppedAtTheUnpackedBound) {
  // 40 MiB of one repeated row compresses to a few dozen KiB; the test lowers the bound to 8 MiB
  // so it runs fast, the code path is the one the default bound (256 MiB) takes.
  std::string row = R"(<row><c t="inlineStr"><is><t>)" + std::string(1000, 'x') + "</t></is></c></row>";
  std::string sheet = "<worksheet><sheetData>";
  sheet.reserve(40u * 1024 * 1024 + 1024);
  while (sheet.size() < 40u * 1024 * 1024) sheet += row;
  sheet += "</sheetData></worksheet>";
  const auto bomb = make_zip({{"xl/workbook.xml", workbook_xml}, {"xl/_rels/workbook.xml.rels", relations_xml}, {"xl/worksheets/sheet1.xml", sheet}});
  sheet.clear();
  sheet.shrink_to_fit();
  ASSERT_LT(bomb.size(), max_table_bytes);
  long rows = 0;
  auto info = read_table(bomb, [&](long, std::vector<std::string>&) { return ++rows, true; }, 8u * 1024 * 1024);
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().details.at(0).code, "unpacks_too_large");
}

TEST(ReadXlsx, RefusesDoctypesAndBrokenParts) {
  const std::string entity_sheet = R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>)";
  auto info = read_table(make_zip({{"xl/workbook.xml", workbook_xml}, {"xl/_rels/workbook.xml.rels", relations_xml}, {"xl/worksheets/sheet1.xml", entity_sheet}}),
                         [](long, std::vector<std::string>&) { return true; });
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().details.at(0).code, "corrupt_xlsx");

  auto missing = read_table(make_zip({{"xl/workbook.xml", workbook_xml}}), [](long, std::vector<std::string>&) { return true; });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().details.at(0).code, "not_a_table");
}

// Mutation fuzzing, seeded so a failure repeats: flipped, dropped and duplicated bytes of real
// files must give rows or an error, never a crash, a hang or an unbounded allocation (ASan runs
// this too).
TEST(ReadTable, SurvivesMutatedFiles) {
  const std::vector<std::string> seeds{written_xlsx(), fixture("nominations_excel_es.csv"), fixture("nominations_utf8_bom.csv")};
  std::mt19937 random(20231011);
  long outcomes = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string bytes = seeds[static_cast<std::size_t>(round) % seeds.size()];
    const int mutations = 1 + static_cast<int>(random() % 8);
    for (int m = 0; m < mutations && !bytes.empty(); ++m) {
      const auto at = random() % bytes.size();
      switch (random() % 4) {
        case 0: bytes[at] = static_cast<char>(random()); break;
        case 1: bytes.erase(at, 1 + random() % 16); break;
        case 2: bytes.insert(at, bytes.substr(at, 1 + random() % 32)); break;
        case 3: bytes.resize(at); break;
      }
    }
    long rows = 0;
    auto info = read_table(bytes, [&](long, std::vector<std::string>& cells) {
      EXPECT_LT(cells.size(), 20000u);
      return ++rows < 100000;
    });
    outcomes += info ? 1 : 0;
  }
  EXPECT_GT(outcomes, 0);  // some mutants are still readable tables
}

}  // namespace
}  // namespace diplomado::documents

#include <algorithm>

#include "documents/iso_codes.hpp"

namespace diplomado::documents {
namespace {

TEST(IsoCodes, SubdivisionsOfOneCountryWithTheirKindInSnakeCase) {
  const std::string text = R"({"3166-2": [{"code": "PA-1", "name": "Bocas del Toro", "type": "Province"},
    {"code": "PA-KY", "name": "Guna Yala", "type": "Indigenous region"}, {"code": "CR-SJ", "name": "San José", "type": "Province", "parent": "X"}]})";
  const auto panama = parse_iso_3166_2(text, "PA");
  ASSERT_TRUE(panama);
  ASSERT_EQ(panama->size(), 2u);
  EXPECT_EQ((*panama)[1].kind, "indigenous_region");
  EXPECT_EQ(parse_iso_3166_2(text, "")->size(), 3u);
  EXPECT_TRUE(parse_iso_3166_2(text, "ZZ")->empty());
  EXPECT_FALSE(parse_iso_3166_2(R"({"3166-2": [{"code": 1}]})", "PA"));
}

TEST(IsoCodes, DebiansFileGivesCostaRicasSevenProvinces) {
  const auto costa_rica = iso_subdivisions("CR");
  ASSERT_TRUE(costa_rica) << "iso-codes is installed by scripts/install-deps";
  EXPECT_EQ(costa_rica->size(), 7u);
  EXPECT_TRUE(std::ranges::all_of(*costa_rica, [](const auto& s) { return s.kind == "province"; }));
}

// A catalogue written as msgfmt writes one: the header entry ("" -> metadata), then the
// originals sorted. Built here byte by byte in either order.
std::string mo_file(const std::vector<std::pair<std::string, std::string>>& entries, bool big_endian) {
  const auto word = [&](std::uint32_t value) {
    std::string bytes(4, '\0');
    for (int i = 0; i < 4; ++i) bytes[static_cast<std::size_t>(big_endian ? 3 - i : i)] = static_cast<char>((value >> (8 * i)) & 0xff);
    return bytes;
  };
  const auto count = static_cast<std::uint32_t>(entries.size());
  const std::uint32_t originals = 28, translations = originals + 8 * count;
  std::uint32_t offset = translations + 8 * count;
  std::string head = word(0x950412de) + word(0) + word(count) + word(originals) + word(translations) + word(0) + word(0);
  std::string tables_o, tables_t, strings;
  for (const auto& [original, translation] : entries) {
    tables_o += word(static_cast<std::uint32_t>(original.size())) + word(offset + static_cast<std::uint32_t>(strings.size()));
    strings += original + '\0';
  }
  for (const auto& [original, translation] : entries) {
    tables_t += word(static_cast<std::uint32_t>(translation.size())) + word(offset + static_cast<std::uint32_t>(strings.size()));
    strings += translation + '\0';
  }
  return head + tables_o + tables_t + strings;
}

TEST(IsoCodes, GettextCataloguesReadInEitherByteOrderAndMalformedOnesRefused) {
  const std::vector<std::pair<std::string, std::string>> entries = {
      {"", "Content-Type: text/plain; charset=UTF-8\n"}, {"Belize", "Belice"}, {"Cayo", "Cayo"}, {std::string("menu") + '\x04' + "File", "Archivo"}};
  for (bool big_endian : {false, true}) {
    const auto catalogue = parse_mo_catalogue(mo_file(entries, big_endian));
    ASSERT_TRUE(catalogue);
    ASSERT_EQ(catalogue->size(), 1u) << "the header, an unchanged name and a context entry are left out";
    EXPECT_EQ(catalogue->at("Belize"), "Belice");
  }
  auto cut = mo_file(entries, false);
  cut.resize(cut.size() - 10);
  EXPECT_FALSE(parse_mo_catalogue(cut)) << "a string running past the end";
  EXPECT_FALSE(parse_mo_catalogue("not a catalogue"));
  EXPECT_FALSE(parse_mo_catalogue(""));

  std::vector<services::ReferenceSubdivision> belize = {{"BZ-BZ", "Belize", "district", {}}, {"BZ-CY", "Cayo", "district", {}}};
  translate_subdivisions(belize, *parse_mo_catalogue(mo_file(entries, false)));
  EXPECT_EQ(belize[0].name, "Belice");
  EXPECT_EQ(belize[0].aliases, std::vector<std::string>{"Belize"}) << "the standard's name still matches a nominations file";
  EXPECT_EQ(belize[1].name, "Cayo");
  EXPECT_TRUE(belize[1].aliases.empty());
}

TEST(IsoCodes, DebiansSpanishCatalogueNamesBelizesDistrictInSpanish) {
  const auto belize = iso_subdivisions("BZ");
  ASSERT_TRUE(belize);
  const auto district = std::ranges::find(*belize, std::string("BZ-BZ"), &services::ReferenceSubdivision::code);
  ASSERT_NE(district, belize->end());
  EXPECT_EQ(district->name, "Belice") << "iso-codes' es catalogue (installed with iso-codes)";
  EXPECT_EQ(district->aliases, std::vector<std::string>{"Belize"});
}

}  // namespace
}  // namespace diplomado::documents
