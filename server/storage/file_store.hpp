#pragma once
// Files kept by their content (issue 16): uploads, attachments and logos live in a directory under
// the SHA-256 of their bytes, not as base64 text in the database. The database row names the
// digest. Several servers share one directory (shared storage), so a file any of them kept is
// found by all; keeping the same bytes twice keeps one file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace diplomado::storage {

struct StoredFile {
  std::string sha256;  // 64 lower-case hex digits
  std::uint64_t size_bytes = 0;
};

// The SHA-256 of a file's bytes, read in 64 KiB steps (what the store names it by), and its size;
// nothing if it cannot be read.
std::optional<StoredFile> digest_of_file(const std::filesystem::path& path);

class FileStore {
 public:
  virtual ~FileStore() = default;
  // A new path in the store's spool, on the store's own file system, where an upload is written
  // as it arrives (so keeping it is a rename). Nothing is created; the caller removes what it leaves.
  virtual std::filesystem::path spool_path() = 0;
  // Moves a spooled file into the store under its digest, flushed to disk first. If the store
  // already has those bytes, the spooled copy is removed. Fails (error.files.unavailable) only on
  // an input/output fault, such as a full disk.
  virtual Result<StoredFile> keep(const std::filesystem::path& spooled) = 0;
  virtual Result<StoredFile> keep_bytes(std::string_view bytes) = 0;
  // Where the file with this digest is, if the store has it (a malformed digest has none).
  virtual std::optional<std::filesystem::path> find(std::string_view sha256) = 0;
  // Removes the file (nothing happens if it is not there).
  virtual void remove(std::string_view sha256) = 0;
};

}  // namespace diplomado::storage
