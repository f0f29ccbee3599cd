#include "documents/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace diplomado::documents {

Result<std::string> zip_archive(const std::vector<ZipEntry>& entries) {
  const auto failed = [] { return std::unexpected(make_error(ErrorCode::internal, "error.internal")); };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return failed();
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) {
    zip_source_free(buffer);
    return failed();
  }
  zip_source_keep(buffer);
  // libzip reads each source when the archive is closed: the entries' bytes live until then.
  for (const auto& entry : entries) {
    zip_source_t* file = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const auto index = file ? zip_file_add(archive, entry.name.c_str(), file, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (file) zip_source_free(file);
      zip_discard(archive);
      zip_source_free(buffer);
      return failed();
    }
    if (!entry.compress) zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    zip_source_free(buffer);
    return failed();
  }
  std::string bytes;
  if (zip_source_open(buffer) == 0) {
    zip_source_seek(buffer, 0, SEEK_END);
    const auto size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size));
    zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  if (bytes.empty()) return failed();
  return bytes;
}

namespace {

// A libzip source whose bytes are made when libzip opens it and freed when it closes it.
struct LazySource {
  const LazyZipEntry* entry = nullptr;
  std::string bytes;
  std::size_t offset = 0;
  zip_error_t error{};
  bool failed = false;
};

zip_int64_t lazy_source(void* state, void* data, zip_uint64_t length, zip_source_cmd_t command) {
  auto& source = *static_cast<LazySource*>(state);
  switch (command) {
    case ZIP_SOURCE_OPEN: {
      auto made = source.entry->make();
      if (!made) {
        source.failed = true;
        zip_error_set(&source.error, ZIP_ER_READ, 0);
        return -1;
      }
      source.bytes = std::move(*made);
      source.offset = 0;
      return 0;
    }
    case ZIP_SOURCE_READ: {
      const auto count = std::min<std::size_t>(length, source.bytes.size() - source.offset);
      std::memcpy(data, source.bytes.data() + source.offset, count);
      source.offset += count;
      return static_cast<zip_int64_t>(count);
    }
    case ZIP_SOURCE_CLOSE:
      std::string().swap(source.bytes);  // the memory goes now, not at the archive's end
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* stat = static_cast<zip_stat_t*>(data);
      zip_stat_init(stat);  // nothing known in advance: libzip counts the size and CRC as it reads
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&source.error, data, length);
    case ZIP_SOURCE_FREE:
      delete &source;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&source.error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace

Result<void> write_zip_file(const std::filesystem::path& path, const std::vector<LazyZipEntry>& entries) {
  const auto failed = [&] {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
  };
  if (entries.empty()) {
    // libzip writes no file for an archive without entries; an empty ZIP is its 22-byte
    // end-of-central-directory record ("PK\5\6" and eighteen zero bytes).
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    const std::string empty = std::string("PK\x05\x06") + std::string(18, '\0');
    if (!out.write(empty.data(), static_cast<std::streamsize>(empty.size())) || !out.flush()) return failed();
    return {};
  }
  int code = 0;
  // libzip writes to a temporary file beside `path` and renames it when the archive is closed.
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!archive) return failed();
  for (const auto& entry : entries) {
    auto* state = new LazySource{&entry, {}, 0, {}, false};
    zip_error_init(&state->error);
    zip_source_t* source = zip_source_function(archive, lazy_source, state);
    if (!source) {
      delete state;
      zip_discard(archive);
      return failed();
    }
    const auto index = zip_file_add(archive, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      return failed();
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return failed();
  }
  return {};
}

}  // namespace diplomado::documents
