#pragma once
// The closing indicators as JSON (the API, `diplomado report indicators --format json`), as a
// workbook (a cover sheet, then one sheet per table) and as one long CSV (one line per count:
// table, row, column, value), in the reader's language. Hidden counts are written as "<5" (under
// the threshold) or "x" (hidden so that a total does not give another away), never as numbers.
#include <string>
#include <vector>

#include "documents/table_writer.hpp"
#include "services/report_indicators.hpp"

namespace diplomado::documents {

std::string indicators_json(const services::IndicatorReport& report);
std::vector<Table> indicator_workbook(const services::IndicatorReport& report, Language language);
Table indicator_long_table(const services::IndicatorReport& report, Language language);

}  // namespace diplomado::documents
