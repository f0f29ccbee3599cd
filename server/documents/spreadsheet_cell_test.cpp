#include "documents/spreadsheet_cell.hpp"

#include <gtest/gtest.h>

namespace diplomado::documents {

TEST(SpreadsheetCell, FormulaStartsAreNeutralised) {
  for (const char* risky : {"=1+1", "+507 6000-0000", "-2", "@SUM(A1)", "\tx", "\rx"}) EXPECT_EQ(neutralise_formula(risky), std::string("'") + risky);
  for (const char* plain : {"", "Darién", "SENAFRONT", "a=b"}) EXPECT_EQ(neutralise_formula(plain), plain);
}

TEST(SpreadsheetCell, CsvCellsAreNeutralisedThenQuotedOnlyWhenNeeded) {
  EXPECT_EQ(csv_cell("Darién", ';'), "Darién");
  EXPECT_EQ(csv_cell("Él-Hadj, Jr.", ','), "\"Él-Hadj, Jr.\"");
  EXPECT_EQ(csv_cell("Él-Hadj, Jr.", ';'), "Él-Hadj, Jr.");  // a comma is plain text under ';'
  EXPECT_EQ(csv_cell("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csv_cell("dijo \"sí\"", ','), "\"dijo \"\"sí\"\"\"");
  EXPECT_EQ(csv_cell("línea\notra", ','), "\"línea\notra\"");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")", ';'), "\"'=HYPERLINK(\"\"x\"\")\"");
}

}  // namespace diplomado::documents
