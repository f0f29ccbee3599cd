#include "domain/text_key.hpp"
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

class SociPeopleRepository final : public PeopleRepository {
 public:
  SociPeopleRepository(soci::session& sql, PreparedQueries& /*rare reads and writes: not prepared ahead*/) : m_sql(sql) {}

  // An institution is the same one when its Spanish name matches; later work adds merging.
  Id find_or_insert_institution(const InstitutionSeed& institution) override {
    long long id = 0;
    m_sql << "SELECT id FROM institution WHERE name_es = :n", into(id), use(institution.name.es);
    if (m_sql.got_data()) return id;
    m_sql << "INSERT INTO institution (name_es, name_en, acronym, sector, level, valid_from, valid_to) "
             "VALUES (:es, :en, :a, :s, :l, NULLIF(:vf, ''), NULLIF(:vt, '')) RETURNING id",
        use(institution.name.es), use(institution.name.en), use(institution.acronym), use(institution.sector), use(institution.level),
        use(institution.valid_from), use(institution.valid_to), into(id);
    return id;
  }

  void find_or_insert_subdivision(const SubdivisionSeed& subdivision) override {
    std::string code;
    m_sql << "SELECT code FROM subdivision WHERE code = :c", into(code), use(subdivision.code);
    if (m_sql.got_data()) return;
    m_sql << "INSERT INTO subdivision (code, country, name, kind) VALUES (:c, :country, :n, :k)", use(subdivision.code),
        use(subdivision.country), use(subdivision.name), use(subdivision.kind);
  }

  Id insert_person(const ParticipantSeed& person, Id institution_id) override {
    long long institution = institution_id, id = 0;
    const std::string sort_name = fold_for_matching(person.family_names + " " + person.given_names);
    m_sql << "INSERT INTO person (given_names, family_names, sort_name, sex, email, institution_id, position, level, subdivision_code) "
             "VALUES (:g, :f, :sn, :s, NULLIF(:e, ''), :i, :p, :l, NULLIF(:sub, '')) RETURNING id",
        use(person.given_names), use(person.family_names), use(sort_name), use(person.sex), use(person.email), use(institution), use(person.position),
        use(person.level), use(person.subdivision_code), into(id);
    return id;
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<PeopleRepository> make_people_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociPeopleRepository>(sql, queries); }

}  // namespace diplomado::storage
