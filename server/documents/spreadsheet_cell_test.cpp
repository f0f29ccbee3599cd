#include "documents/spreadsheet_cell.hpp"

#include <gtest/gtest.h>

namespace diplomado::documents {

TEST(SpreadsheetCell, FormulaStartsAreNeutralised) {
  for (const char* risky : {"=1+1", "+507 6000-0000", "-2", "@SUM(A1)", "\tx", "\rx"}) EXPECT_EQ(neutralise_formula(risky), std::string("'") + risky);
  for (const char* plain : {"", "Darién", "SENAFRONT", "a=b"}) EXPECT_EQ(neutralise_formula(plain), plain);
}

}  // namespace diplomado::documents
