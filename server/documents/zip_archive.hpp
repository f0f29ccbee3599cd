#pragma once
// A ZIP built in memory with libzip: the certificates' batch and the news release's ODT package.
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

}  // namespace diplomado::documents
