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
    m_sql << "INSERT INTO import_upload (programme_id, user_id, created_at, file_name, content, content_sha256) VALUES (:p, :u, :at, :n, '', :c) RETURNING id",
        use(programme), use(user), use(upload.created_at), use(upload.file_name), use(upload.content_sha256), into(id);
    return id;
  }

  std::optional<ImportUpload> find(Id upload_id, Id programme_id) override {
    long long id = upload_id, programme = programme_id, user = 0;
    ImportUpload upload;
    m_sql << "SELECT user_id, created_at, file_name, content_sha256 FROM import_upload WHERE id = :id AND programme_id = :p", into(user),
        into(upload.created_at), into(upload.file_name), into(upload.content_sha256), use(id), use(programme);
    if (!m_sql.got_data()) return std::nullopt;
    upload.id = upload_id;
    upload.programme_id = programme_id;
    upload.user_id = user;
    return upload;
  }

  std::vector<std::string> remove(Id upload_id) override {
    long long id = upload_id;
    auto digests = select_digests("WHERE id = :key", id);
    m_sql << "DELETE FROM import_upload WHERE id = :id", use(id);
    return digests;
  }

  std::vector<std::string> remove_created_before(std::string_view at) override {
    const std::string before(at);
    auto digests = select_digests("WHERE created_at < :key", before);
    m_sql << "DELETE FROM import_upload WHERE created_at < :at", use(before);
    return digests;
  }

  bool file_in_use(std::string_view sha256) override {
    const std::string digest(sha256);
    int uses = 0;
    m_sql << "SELECT (SELECT COUNT(*) FROM import_upload WHERE content_sha256 = :d) + (SELECT COUNT(*) FROM project_attachment WHERE sha256 = :d) + "
             "(SELECT COUNT(*) FROM programme_logo WHERE content_sha256 = :d)",
        use(digest, "d"), into(uses);
    return uses > 0;
  }

 private:
  template <class Key>
  std::vector<std::string> select_digests(const std::string& where, const Key& key) {
    std::vector<std::string> digests;
    std::string digest;
    soci::statement statement = (m_sql.prepare << "SELECT DISTINCT content_sha256 FROM import_upload " + where, use(key, "key"), into(digest));
    statement.execute();
    while (statement.fetch())
      if (!digest.empty()) digests.push_back(digest);
    return digests;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ImportUploadRepository> make_import_upload_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociImportUploadRepository>(sql);
}

}  // namespace diplomado::storage
