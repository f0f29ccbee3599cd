#pragma once
// Text that goes into an exported CSV or XLSX cell. A cell that starts with = + - @ (or a tab or
// CR) would run as a formula when the file is opened; it gets a leading apostrophe (OWASP's
// advice on CSV injection), so what the person typed is shown, never executed.
#include <string>
#include <string_view>

namespace diplomado::documents {

std::string neutralise_formula(std::string_view cell);

// One CSV cell: neutralised, then quoted (quotes doubled) when it holds the separator, a quote or
// a line break.
std::string csv_cell(std::string_view cell, char separator);

}  // namespace diplomado::documents
