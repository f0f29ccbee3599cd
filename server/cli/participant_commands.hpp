#pragma once
// diplomado import participants | export participants | reference subdivisions|institutions.
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace diplomado::cli {

struct ImportOptions {
  std::string file;
  std::string programme_code;
  bool dry_run = false;
  std::string format = "text";          // text | json
  std::vector<std::string> mappings;    // field=column (column: 1-based number or header text)
  bool create_institutions = false;     // create the institutions the file names that are not on file
};

// Exit codes: 0 done (or a clean dry run), 1 the request failed, 2 some rows are in error.
int run_import_participants(services::Store& store, const ImportOptions& options, Console& console);

struct ExportOptions {
  std::string programme_code;
  std::string format = "csv";  // csv | xlsx
  std::string output;          // a file; "-" or empty: standard output
};
int run_export_participants(services::Store& store, const ExportOptions& options, Console& console);

int run_load_subdivisions(services::Store& store, const std::string& file, Console& console);
int run_load_institutions(services::Store& store, const std::string& file, Console& console);

// Loads every list under DIR/subdivisions and DIR/institutions (what `init` ships with).
int load_reference_directory(services::Store& store, const std::string& directory, Console& console);

}  // namespace diplomado::cli
