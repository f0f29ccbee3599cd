#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

class SociImportUploadRepository final : public ImportUploadRepository {
 public:
  explicit SociImportUploadRepository(soci::session& sql) : m_sql(sql) {}

  Id insert(const ImportUpload& upload) override {
    long long programme = upload.programme_id, user = upload.user_id, id = 0;
    m_sql << "INSERT INTO import_upload (programme_id, user_id, created_at, file_name, content) VALUES (:p, :u, :at, :n, :c) RETURNING id",
        use(programme), use(user), use(upload.created_at), use(upload.file_name), use(upload.content_base64), into(id);
    return id;
  }

  std::optional<ImportUpload> find(Id upload_id, Id programme_id) override {
    long long id = upload_id, programme = programme_id, user = 0;
    ImportUpload upload;
    m_sql << "SELECT user_id, created_at, file_name, content FROM import_upload WHERE id = :id AND programme_id = :p", into(user),
        into(upload.created_at), into(upload.file_name), into(upload.content_base64), use(id), use(programme);
    if (!m_sql.got_data()) return std::nullopt;
    upload.id = upload_id;
    upload.programme_id = programme_id;
    upload.user_id = user;
    return upload;
  }

  void remove(Id upload_id) override {
    long long id = upload_id;
    m_sql << "DELETE FROM import_upload WHERE id = :id", use(id);
  }

  void remove_created_before(std::string_view at) override {
    const std::string before(at);
    m_sql << "DELETE FROM import_upload WHERE created_at < :at", use(before);
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ImportUploadRepository> make_import_upload_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociImportUploadRepository>(sql);
}

}  // namespace diplomado::storage
