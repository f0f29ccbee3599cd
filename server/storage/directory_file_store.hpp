#pragma once
// The file store as a directory: objects/<first two hex digits>/<digest>, and spool/ for uploads
// on their way in. Internal to storage/ and app/.
#include <memory>

#include "storage/file_store.hpp"

namespace diplomado::storage {

// Opens (and creates, mode 0700) the store at `root`. An empty root makes a private temporary
// directory, removed with the store (tests, and databases opened without a data directory).
Result<std::unique_ptr<FileStore>> open_directory_file_store(const std::filesystem::path& root);

}  // namespace diplomado::storage
