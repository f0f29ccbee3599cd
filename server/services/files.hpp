#pragma once
// Files as the use cases see them (issue 16): an upload spooled to disk as it arrived, and a kept
// file read back from the file store. Both are mapped read-only, so a 16 MiB spreadsheet is read
// from the page cache rather than copied into the heap, and never held as base64.
#include <cstdint>
#include <filesystem>
#include <functional>
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

// A file open for reading by its descriptor (removing or renaming it meanwhile does not disturb
// it): what a download sends a step at a time, so that neither the heap nor the resident set grows
// with the file's size.
class OpenFile {
 public:
  static Result<OpenFile> open(const std::filesystem::path& path);
  OpenFile() = default;
  OpenFile(OpenFile&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_size(std::exchange(other.m_size, 0)) {}
  OpenFile& operator=(OpenFile&& other) noexcept;
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile();
  std::uint64_t size() const { return m_size; }
  // Up to `length` bytes from `offset` into `into`: how many were read (0 at the end), or -1.
  long read_at(std::uint64_t offset, char* into, std::size_t length) const;
  // The whole file in memory (small files only: tests, a logo).
  Result<std::string> read_all() const;

 private:
  int m_fd = -1;
  std::uint64_t m_size = 0;
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

// A kept file open for sending; error.files.unavailable if the store has no file under that digest.
Result<OpenFile> open_kept_file_for_sending(storage::FileStore& files, std::string_view sha256);

// A large answer (a ZIP of a thousand certificates) written by `write` into the file store's spool
// rather than memory, then opened and unlinked at once: it stays readable as long as the answer
// is being sent, and nothing is left on disk whatever happens to the connection.
Result<OpenFile> spooled_answer(storage::Store& store, const std::function<Result<void>(const std::filesystem::path&)>& write);

// Of the files just unlinked from their rows, those no row names any more (read in the same
// unit, before it commits); remove them with forget_files once it has committed.
std::vector<std::string> files_no_longer_used(storage::UnitOfWork& unit, const std::vector<std::string>& digests);
void forget_files(storage::FileStore& files, const std::vector<std::string>& digests);

}  // namespace diplomado::services
