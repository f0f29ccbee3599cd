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
  std::string content_base64;
};

// Spreadsheets kept between upload and confirmation, so a slow link sends the file once.
class ImportUploadRepository {
 public:
  virtual ~ImportUploadRepository() = default;
  virtual Id insert(const ImportUpload& upload) = 0;
  virtual std::optional<ImportUpload> find(Id upload_id, Id programme_id) = 0;
  virtual void remove(Id upload_id) = 0;
  virtual void remove_created_before(std::string_view at) = 0;
};

}  // namespace diplomado::storage
