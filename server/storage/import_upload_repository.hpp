#pragma once
// Spreadsheets kept between an import's upload and its confirmation. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

struct ImportUpload {
  Id id = 0;
  Id programme_id = 0;
  Id user_id = 0;
  std::string created_at;
  std::string file_name;
  std::string content_sha256;  // the file, in the file store
};

// Spreadsheets kept between upload and confirmation, so a slow link sends the file once.
class ImportUploadRepository {
 public:
  virtual ~ImportUploadRepository() = default;
  virtual Id insert(const ImportUpload& upload) = 0;
  virtual std::optional<ImportUpload> find(Id upload_id, Id programme_id) = 0;
  // Each gives the digests of the files the removed uploads named (see file_in_use).
  virtual std::vector<std::string> remove(Id upload_id) = 0;
  virtual std::vector<std::string> remove_created_before(std::string_view at) = 0;
  // Whether any upload, attachment or logo still names this file: one no row names is removed from
  // the file store (an import's spreadsheet holds personal data and must not outlive its upload).
  virtual bool file_in_use(std::string_view sha256) = 0;
};

}  // namespace diplomado::storage
