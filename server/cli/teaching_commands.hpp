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

}  // namespace diplomado::cli
