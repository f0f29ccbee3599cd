#pragma once
// Files as the use cases see them (issue 16): an upload spooled to disk as it arrived, and a kept
// file read back from the file store. Both are mapped read-only, so a 16 MiB spreadsheet is read
// from the page cache rather than copied into the heap, and never held as base64.
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// A file's bytes, mapped read-only; unmapped when this dies. Renaming or removing the file
// meanwhile does not disturb the mapping.
class MappedFile {
 public:
  static Result<MappedFile> open(const std::filesystem::path& path);
  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  std::string_view bytes() const { return {static_cast<const char*>(m_data), m_size}; }

 private:
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

// An upload in the file store's spool: written by the transport as the body arrived, mapped once
// it is whole. The spooled file is removed when this dies, unless a use case kept it (keeping
// moves it into the store).
class Upload {
 public:
  explicit Upload(std::filesystem::path spooled) : m_path(std::move(spooled)) {}
  // A body already in memory (the in-process test pipeline) spooled the same way.
  static Result<Upload> from_bytes(storage::FileStore& files, std::string_view bytes);
  Upload(Upload&& other) noexcept : m_path(std::exchange(other.m_path, {})), m_file(std::move(other.m_file)) {}
  Upload& operator=(Upload&& other) noexcept;
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;
  ~Upload();
  const std::filesystem::path& path() const { return m_path; }
  // Maps the spooled file once it is whole.
  Result<void> map();
  std::string_view bytes() const { return m_file.bytes(); }

 private:
  std::filesystem::path m_path;
  MappedFile m_file;
};

// A kept file, mapped; error.files.unavailable if the store has no file under that digest.
Result<MappedFile> open_kept_file(storage::FileStore& files, std::string_view sha256);
// A kept file copied into memory (for an answer's body, or a logo drawn on a certificate).
Result<std::string> read_kept_file(storage::FileStore& files, std::string_view sha256);

// Of the files just unlinked from their rows, those no row names any more (read in the same
// unit, before it commits); remove them with forget_files once it has committed.
std::vector<std::string> files_no_longer_used(storage::UnitOfWork& unit, const std::vector<std::string>& digests);
void forget_files(storage::FileStore& files, const std::vector<std::string>& digests);

}  // namespace diplomado::services
