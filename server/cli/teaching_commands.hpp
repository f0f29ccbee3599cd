#pragma once
// diplomado gradebook | gain: for scripts and the donor's analysts (issue 3, item 7).
#include <string>

#include "cli/commands.hpp"

namespace diplomado::cli {

// One row per enrolment: module grades, final grade, attendance (overall and per module),
// modules passed. format: json | csv.
int run_gradebook(services::Store& store, const std::string& programme_code, const std::string& format, Console& console);
// The knowledge-gain figures with n. format: json.
int run_gain(services::Store& store, const std::string& programme_code, Console& console);
// diplomado rank --programme CODE [--calibrated] --format json: the final projects' ranking with
// the jury's agreement (issue 4).
int run_rank(services::Store& store, const std::string& programme_code, bool calibrated, Console& console);

// diplomado import grades FILE --programme CODE [--dry-run]: exit 0 done, 2 rows in error (nothing
// written), 1 the request failed. The summary is JSON.
int run_import_grades(services::Store& store, const std::string& file, const std::string& programme_code, bool dry_run, Console& console);

}  // namespace diplomado::cli
