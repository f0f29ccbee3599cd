#include "documents/zip_archive.hpp"

#include <zip.h>

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

}  // namespace diplomado::documents
