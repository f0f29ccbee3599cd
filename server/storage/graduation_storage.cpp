// Graduation overrides and the move to `graduated` (graduation_repository.hpp).
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

class SociGraduationRepository final : public GraduationRepository {
 public:
  explicit SociGraduationRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<GraduationOverrideRecord> overrides(Id programme_id) override {
    std::vector<GraduationOverrideRecord> result;
    long long programme = programme_id, enrollment = 0, by = 0;
    std::string decision, justification, at;
    soci::statement statement =
        (m_sql.prepare << "SELECT o.enrollment_id, o.decision, o.justification, COALESCE(o.decided_by, 0), o.decided_at FROM graduation_override o "
                          "JOIN enrollment e ON e.id = o.enrollment_id WHERE e.programme_id = :p ORDER BY o.enrollment_id",
         into(enrollment), into(decision), into(justification), into(by), into(at), use(programme));
    statement.execute();
    while (statement.fetch())
      result.push_back({enrollment, parse_graduation_override(decision).value_or(GraduationOverride::withhold), justification,
                        by ? std::optional<Id>(by) : std::nullopt, at});
    return result;
  }

  void save_override(const GraduationOverrideRecord& record) override {
    long long enrollment = record.enrollment_id, by = record.decided_by.value_or(0);
    const std::string decision(to_string(record.decision));
    m_sql << "DELETE FROM graduation_override WHERE enrollment_id = :e", use(enrollment);
    m_sql << "INSERT INTO graduation_override (enrollment_id, decision, justification, decided_by, decided_at) "
             "VALUES (:e, :d, :j, NULLIF(:by, 0), :at)",
        use(enrollment), use(decision), use(record.justification), use(by), use(record.decided_at);
  }

  bool delete_override(Id enrollment_id) override {
    long long enrollment = enrollment_id;
    soci::statement statement = (m_sql.prepare << "DELETE FROM graduation_override WHERE enrollment_id = :e", use(enrollment));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
  }

  std::int64_t graduate(Id programme_id, const std::vector<Id>& enrollment_ids) override {
    long long programme = programme_id, enrollment = 0;
    std::int64_t moved = 0;
    soci::statement statement = (m_sql.prepare << "UPDATE enrollment SET status = 'graduated', version = version + 1 "
                                                  "WHERE id = :e AND programme_id = :p AND status IN ('enrolled', 'completed')",
                                 use(enrollment), use(programme));
    for (const auto id : enrollment_ids) {
      enrollment = id;
      statement.execute(true);
      moved += statement.get_affected_rows();
    }
    return moved;
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<GraduationRepository> make_graduation_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociGraduationRepository>(sql);
}

}  // namespace diplomado::storage
