#pragma once
#include <string>

#include "domain/error.hpp"

namespace diplomado::app {

// Creates the data directory if needed and proves it can be written (a file is made and removed).
Result<void> prepare_data_directory(const std::string& directory);

// --database wins; otherwise the embedded SQLite file in the data directory.
std::string database_url(const std::string& data_directory, const std::string& explicit_url);

}  // namespace diplomado::app
