#pragma once
// A ZIP built in memory with libzip: the certificates' batch and the news release's ODT package.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"

namespace diplomado::documents {

struct ZipEntry {
  std::string name;
  std::string_view bytes;  // must outlive the call
  bool compress = true;    // false: stored (PDFs, compressed already; an ODT's mimetype)
};

// The entries in order, UTF-8 names. An internal error if libzip fails (never an exception).
Result<std::string> zip_archive(const std::vector<ZipEntry>& entries);

// A ZIP written to a file, each entry's bytes made only when libzip writes that entry and dropped
// after it, so that a thousand certificates never sit in memory together. `make(i)` gives entry
// i's bytes (or an error, which stops the archive). Entries are stored, not compressed again. The
// file is written beside `path` and renamed into place when whole; on a failure nothing is left.
struct LazyZipEntry {
  std::string name;
  std::function<Result<std::string>()> make;
};
Result<void> write_zip_file(const std::filesystem::path& path, const std::vector<LazyZipEntry>& entries);

}  // namespace diplomado::documents
