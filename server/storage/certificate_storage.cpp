// Certificate settings and certificates (certificate_repository.hpp). Logos are kept as base64
// text, as uploads are (issue 16 moves binary content to its own storage).
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

class SociCertificateRepository final : public CertificateRepository {
 public:
  explicit SociCertificateRepository(soci::session& sql) : m_sql(sql) {}

  CertificateSettings settings(Id programme_id) override {
    long long programme = programme_id;
    CertificateSettings settings;
    std::string layout;
    m_sql << "SELECT certificate_layout FROM programme WHERE id = :p", into(layout), use(programme);
    settings.layout = parse_certificate_layout(layout).value_or(CertificateLayout::bilingual);
    {
      Signatory signatory;
      soci::statement statement = (m_sql.prepare << "SELECT name, title_es, title_en FROM programme_signatory WHERE programme_id = :p ORDER BY position",
                                   into(signatory.name), into(signatory.title.es), into(signatory.title.en), use(programme));
      statement.execute();
      while (statement.fetch()) settings.signatories.push_back(signatory);
    }
    return settings;
  }

  std::vector<StoredLogo> logos(Id programme_id) override {
    long long programme = programme_id;
    std::vector<StoredLogo> result;
    std::string format, content;
    soci::statement statement = (m_sql.prepare << "SELECT format, content_sha256 FROM programme_logo WHERE programme_id = :p ORDER BY position",
                                 into(format), into(content), use(programme));
    statement.execute();
    while (statement.fetch()) result.push_back({format == "svg" ? LogoFormat::svg : LogoFormat::png, content});
    return result;
  }

  void save_settings(Id programme_id, CertificateLayout layout, const std::vector<Signatory>& signatories) override {
    long long programme = programme_id;
    const std::string layout_text(to_string(layout));
    m_sql << "UPDATE programme SET certificate_layout = :l WHERE id = :p", use(layout_text), use(programme);
    m_sql << "DELETE FROM programme_signatory WHERE programme_id = :p", use(programme);
    int position = 0;
    for (const auto& signatory : signatories) {
      ++position;
      m_sql << "INSERT INTO programme_signatory (programme_id, position, name, title_es, title_en) VALUES (:p, :n, :name, :es, :en)",
          use(programme), use(position), use(signatory.name), use(signatory.title.es), use(signatory.title.en);
    }
  }

  void add_logo(Id programme_id, const StoredLogo& logo) override {
    long long programme = programme_id;
    int position = 0;
    m_sql << "SELECT COALESCE(MAX(position), 0) + 1 FROM programme_logo WHERE programme_id = :p", into(position), use(programme);
    const std::string format(logo.format == LogoFormat::svg ? "svg" : "png");
    m_sql << "INSERT INTO programme_logo (programme_id, position, format, content, content_sha256) VALUES (:p, :n, :f, '', :c)", use(programme),
        use(position), use(format), use(logo.content_sha256);
  }

  std::optional<std::string> delete_logo(Id programme_id, int position) override {
    long long programme = programme_id;
    std::string digest;
    m_sql << "SELECT content_sha256 FROM programme_logo WHERE programme_id = :p AND position = :n", use(programme), use(position), into(digest);
    if (!m_sql.got_data()) return std::nullopt;
    m_sql << "DELETE FROM programme_logo WHERE programme_id = :p AND position = :n", use(programme), use(position);
    m_sql << "UPDATE programme_logo SET position = position - 1 WHERE programme_id = :p AND position > :n", use(programme), use(position);
    return digest;
  }

  std::vector<CertificateRecord> certificates(Id programme_id) override {
    return select("WHERE programme_id = :key ORDER BY serial, version", static_cast<long long>(programme_id));
  }

  std::vector<CertificateRecord> by_serial(std::string_view serial) override {
    return select("WHERE serial = :key ORDER BY version", std::string(serial));
  }

  Id insert(const CertificateRecord& record) override {
    long long programme = record.programme_id, enrollment = record.enrollment_id, id = 0;
    const std::string kind(to_string(record.kind));
    m_sql << "INSERT INTO certificate (serial, version, programme_id, enrollment_id, kind, holder_name, team, verify_url, issued_at) "
             "VALUES (:s, :v, :p, :e, :k, :h, :t, :u, :at) RETURNING id",
        use(record.serial), use(record.version), use(programme), use(enrollment), use(kind), use(record.holder_name), use(record.team),
        use(record.verify_url), use(record.issued_at), into(id);
    return id;
  }

  void supersede(Id certificate_id, std::string_view at) override {
    long long id = certificate_id;
    const std::string when(at);
    m_sql << "UPDATE certificate SET superseded_at = :at WHERE id = :id", use(when), use(id);
  }

  bool revoke(std::string_view serial, std::string_view at, std::string_view reason) override {
    const std::string key(serial), when(at), why(reason);
    soci::statement statement = (m_sql.prepare << "UPDATE certificate SET revoked_at = :at, revocation_reason = :r WHERE serial = :s AND revoked_at IS NULL",
                                 use(when), use(why), use(key));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
  }

  std::vector<Id> withdrawn_ids() override {
    std::vector<Id> ids;
    long long id = 0;
    soci::statement statement =
        (m_sql.prepare << "SELECT id FROM certificate WHERE revoked_at IS NOT NULL OR superseded_at IS NOT NULL ORDER BY id", into(id));
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
    return ids;
  }

  Id largest_id() override {
    long long id = 0;
    m_sql << "SELECT COALESCE(MAX(id), 0) FROM certificate", into(id);
    return id;
  }

 private:
  template <class Key>
  std::vector<CertificateRecord> select(const std::string& where, Key key) {
    std::vector<CertificateRecord> result;
    CertificateRecord row;
    long long id = 0, programme = 0, enrollment = 0;
    std::string kind, superseded, revoked;
    soci::indicator superseded_set = soci::i_null, revoked_set = soci::i_null;
    soci::statement statement =
        (m_sql.prepare << "SELECT id, serial, version, programme_id, enrollment_id, kind, holder_name, team, verify_url, issued_at, superseded_at, "
                          "revoked_at, revocation_reason FROM certificate " + where,
         into(id), into(row.serial), into(row.version), into(programme), into(enrollment), into(kind), into(row.holder_name), into(row.team),
         into(row.verify_url), into(row.issued_at), into(superseded, superseded_set), into(revoked, revoked_set), into(row.revocation_reason), use(key));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      row.programme_id = programme;
      row.enrollment_id = enrollment;
      row.kind = parse_certificate_kind(kind).value_or(CertificateKind::graduation);
      row.superseded_at = superseded_set == soci::i_ok ? std::optional(superseded) : std::nullopt;
      row.revoked_at = revoked_set == soci::i_ok ? std::optional(revoked) : std::nullopt;
      result.push_back(row);
    }
    return result;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<CertificateRepository> make_certificate_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociCertificateRepository>(sql);
}

}  // namespace diplomado::storage
