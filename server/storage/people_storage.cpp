#include <algorithm>
#include <span>
#include <stdexcept>

#include "domain/text_key.hpp"
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

std::vector<std::string> split_aliases(const std::string& joined) {
  std::vector<std::string> aliases;
  std::size_t start = 0;
  while (start < joined.size()) {
    const auto end = std::min(joined.find('|', start), joined.size());
    if (end > start) aliases.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return aliases;
}

std::string join_aliases(const std::vector<std::string>& aliases) {
  std::string joined;
  for (const auto& alias : aliases) {
    if (alias.empty() || alias.find('|') != std::string::npos) continue;
    if (!joined.empty()) joined += '|';
    joined += alias;
  }
  return joined;
}

std::string sort_name_of(const std::string& family_names, const std::string& given_names) {
  return fold_for_matching(family_names + " " + given_names);
}

constexpr char person_columns_sql[] =
    "(given_names, family_names, sort_name, sex, gender_identity, email, phone, institution_id, position, level, subdivision_code, "
    "consent_date, consent_notice_version, consent_purposes)";

// The placeholders for one row of person_columns_sql; `n` keeps the names of several rows apart.
std::string person_values_sql(const std::string& n) {
  return "(:g" + n + ", :f" + n + ", :sn" + n + ", :s" + n + ", :gi" + n + ", NULLIF(:e" + n + ", ''), :ph" + n + ", :i" + n + ", :p" + n + ", :l" + n +
         ", NULLIF(:sub" + n + ", ''), NULLIF(:cd" + n + ", ''), :cv" + n + ", :cp" + n + ")";
}

// Statements built by exchanging variables one by one (their number depends on the batch).
void prepare_exchanged(soci::statement& statement, const std::string& sql) {
  statement.alloc();
  statement.prepare(sql);
  statement.define_and_bind();
}

// The columns an import writes, bound once per connection: an import of 100,000 rows parses
// its statements a few times, not 100,000 times.
struct PersonColumns {
  std::string given_names, family_names, sort_name, sex, gender_identity, email, phone, position, level, subdivision_code,
      consent_date, consent_notice_version, consent_purposes;
  long long institution_id = 0;

  void assign(const ImportedPerson& person) {
    given_names = person.given_names;
    family_names = person.family_names;
    sort_name = sort_name_of(person.family_names, person.given_names);
    sex = person.sex;
    gender_identity = person.gender_identity;
    email = person.email;
    phone = person.phone;
    institution_id = person.institution_id;
    position = person.position;
    level = person.level;
    subdivision_code = person.subdivision_code;
    consent_date = person.consent_date;
    consent_notice_version = person.consent_notice_version;
    consent_purposes = person.consent_purposes;
  }

  // Binds the columns to the next placeholders, in the order of person_columns_sql.
  void bind(soci::statement& statement) {
    for (auto* text : {&given_names, &family_names, &sort_name, &sex, &gender_identity, &email, &phone}) statement.exchange(use(*text));
    statement.exchange(use(institution_id));
    for (auto* text : {&position, &level, &subdivision_code, &consent_date, &consent_notice_version, &consent_purposes}) statement.exchange(use(*text));
  }
};

struct InsertImportedPerson {
  PersonColumns columns;
  long long id = 0;
  soci::statement statement;
  explicit InsertImportedPerson(soci::session& sql) : statement(sql) {
    columns.bind(statement);
    statement.exchange(into(id));
    prepare_exchanged(statement, std::string("INSERT INTO person ") + person_columns_sql + " VALUES " + person_values_sql("") + " RETURNING id");
  }
};

struct UpdateImportedPerson {
  PersonColumns columns;
  long long id = 0;
  soci::statement statement;
  explicit UpdateImportedPerson(soci::session& sql) : statement(sql) {
    columns.bind(statement);
    statement.exchange(use(id));
    // A row-value assignment: the same column list and placeholders as the INSERT.
    prepare_exchanged(statement, std::string("UPDATE person SET ") + person_columns_sql + " = " + person_values_sql("") +
                                     ", version = version + 1 WHERE id = :id");
  }
};

struct InsertEnrollment {
  long long programme_id = 0, person_id = 0, id = 0;
  soci::statement statement;
  explicit InsertEnrollment(soci::session& sql)
      : statement((sql.prepare << "INSERT INTO enrollment (programme_id, person_id) VALUES (:p, :person) RETURNING id", use(programme_id),
                   use(person_id), into(id))) {}
};

// Up to `rows` people in one INSERT ... RETURNING id, then their enrolments in one INSERT: a large
// import costs few round trips (PostgreSQL) and few statement executions (SQLite). The ids come
// back in no promised order, and need none: every one of them is enrolled.
struct InsertAndEnrolBatch {
  std::vector<PersonColumns> people;
  long long returned_id = 0;
  std::vector<long long> enrol_ids;
  long long programme_id = 0;
  soci::statement insert_people;
  soci::statement enrol_people;

  InsertAndEnrolBatch(soci::session& sql, std::size_t rows) : people(rows), enrol_ids(rows), insert_people(sql), enrol_people(sql) {
    std::string insert = std::string("INSERT INTO person ") + person_columns_sql + " VALUES ";
    std::string enrol = "INSERT INTO enrollment (programme_id, person_id) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
      const auto n = std::to_string(i);
      if (i) insert += ", ", enrol += ", ";
      insert += person_values_sql(n);
      enrol += "(:programme" + n + ", :person" + n + ")";
      people[i].bind(insert_people);
      enrol_people.exchange(use(programme_id));
      enrol_people.exchange(use(enrol_ids[i]));
    }
    insert_people.exchange(into(returned_id));
    prepare_exchanged(insert_people, insert + " RETURNING id");
    prepare_exchanged(enrol_people, enrol);
  }

  void run(Id programme, std::span<const ImportedPerson* const> batch) {
    programme_id = programme;
    for (std::size_t i = 0; i < batch.size(); ++i) people[i].assign(*batch[i]);
    std::size_t returned = 0;
    insert_people.execute(false);
    while (insert_people.fetch()) {
      if (returned == batch.size()) throw std::runtime_error("INSERT ... RETURNING gave more ids than rows");
      enrol_ids[returned++] = returned_id;
    }
    if (returned != batch.size()) throw std::runtime_error("INSERT ... RETURNING gave fewer ids than rows");
    enrol_people.execute(true);
  }
};

constexpr std::size_t insert_batch_rows = 64;

struct FullInsertAndEnrolBatch : InsertAndEnrolBatch {
  explicit FullInsertAndEnrolBatch(soci::session& sql) : InsertAndEnrolBatch(sql, insert_batch_rows) {}
  // PreparedQueries resets `statement` before COMMIT, which ends the RETURNING read; the enrolment
  // INSERT always runs to completion.
  soci::statement& statement = insert_people;
};

}  // namespace

// Search keys: every name a place or an institution goes by, folded, in one column.
void refresh_subdivision_search_key(soci::session& sql, const std::string& code) {
  std::string name, aliases;
  sql << "SELECT name, aliases FROM subdivision WHERE code = :c", into(name), into(aliases), use(code);
  if (!sql.got_data()) return;
  const auto key = fold_for_matching(name + " " + aliases);
  sql << "UPDATE subdivision SET search_key = :k WHERE code = :c", use(key), use(code);
}

void refresh_institution_search_key(soci::session& sql, Id institution_id) {
  long long id = institution_id;
  std::string acronym, name_es, name_en, aliases;
  sql << "SELECT acronym, name_es, name_en, aliases FROM institution WHERE id = :id", into(acronym), into(name_es), into(name_en), into(aliases),
      use(id);
  if (!sql.got_data()) return;
  const auto key = fold_for_matching(acronym + " " + name_es + " " + name_en + " " + aliases);
  sql << "UPDATE institution SET search_key = :k WHERE id = :id", use(key), use(id);
}

void fill_missing_search_keys(soci::session& sql) {
  std::vector<std::string> codes;
  std::vector<Id> ids;
  {
    std::string code;
    soci::statement statement = (sql.prepare << "SELECT code FROM subdivision WHERE search_key = ''", into(code));
    statement.execute();
    while (statement.fetch()) codes.push_back(code);
  }
  {
    long long id = 0;
    soci::statement statement = (sql.prepare << "SELECT id FROM institution WHERE search_key = ''", into(id));
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
  }
  if (codes.empty() && ids.empty()) return;
  soci::transaction transaction(sql);
  for (const auto& code : codes) refresh_subdivision_search_key(sql, code);
  for (auto id : ids) refresh_institution_search_key(sql, id);
  transaction.commit();
}

namespace {

class SociPeopleRepository final : public PeopleRepository {
 public:
  SociPeopleRepository(soci::session& sql, PreparedQueries& queries) : m_sql(sql), m_queries(queries) {}

  // An institution is the same one when its Spanish name matches; later work adds merging.
  Id find_or_insert_institution(const InstitutionSeed& institution) override {
    long long id = 0;
    m_sql << "SELECT id FROM institution WHERE name_es = :n", into(id), use(institution.name.es);
    if (m_sql.got_data()) return id;
    const std::string country = institution.country == "international" ? std::string() : institution.country;
    m_sql << "INSERT INTO institution (name_es, name_en, acronym, sector, level, valid_from, valid_to, country) "
             "VALUES (:es, :en, :a, :s, :l, NULLIF(:vf, ''), NULLIF(:vt, ''), :c) RETURNING id",
        use(institution.name.es), use(institution.name.en), use(institution.acronym), use(institution.sector), use(institution.level),
        use(institution.valid_from), use(institution.valid_to), use(country), into(id);
    refresh_institution_search_key(m_sql, id);
    return id;
  }

  void find_or_insert_subdivision(const SubdivisionSeed& subdivision) override {
    std::string code;
    m_sql << "SELECT code FROM subdivision WHERE code = :c", into(code), use(subdivision.code);
    if (m_sql.got_data()) return;
    m_sql << "INSERT INTO subdivision (code, country, name, kind) VALUES (:c, :country, :n, :k)", use(subdivision.code),
        use(subdivision.country), use(subdivision.name), use(subdivision.kind);
    refresh_subdivision_search_key(m_sql, subdivision.code);
  }

  Id insert_person(const ParticipantSeed& person, Id institution_id) override {
    long long institution = institution_id, id = 0;
    const std::string sort_name = sort_name_of(person.family_names, person.given_names);
    m_sql << "INSERT INTO person (given_names, family_names, sort_name, sex, email, institution_id, position, level, subdivision_code) "
             "VALUES (:g, :f, :sn, :s, NULLIF(:e, ''), :i, :p, :l, NULLIF(:sub, '')) RETURNING id",
        use(person.given_names), use(person.family_names), use(sort_name), use(person.sex), use(person.email), use(institution), use(person.position),
        use(person.level), use(person.subdivision_code), into(id);
    return id;
  }

  std::vector<InstitutionCandidate> institution_candidates(std::string_view country) override {
    std::vector<InstitutionCandidate> found;
    long long id = 0;
    std::string name_es, name_en, acronym, aliases;
    const std::string wanted(country);
    soci::statement statement = (m_sql.prepare << "SELECT id, name_es, name_en, acronym, aliases FROM institution WHERE country = :c OR country = '' ORDER BY id",
                                 into(id), into(name_es), into(name_en), into(acronym), into(aliases), use(wanted));
    statement.execute();
    while (statement.fetch()) found.push_back({id, name_es, name_en, acronym, split_aliases(aliases)});
    return found;
  }

  std::vector<InstitutionRecord> institutions() override {
    std::vector<InstitutionRecord> found;
    InstitutionRecord record;
    long long id = 0, version = 0;
    std::string aliases;
    soci::statement statement =
        (m_sql.prepare << "SELECT id, name_es, name_en, acronym, sector, level, COALESCE(valid_from, ''), COALESCE(valid_to, ''), aliases, version, country "
                          "FROM institution ORDER BY name_es",
         into(id), into(record.name.es), into(record.name.en), into(record.acronym), into(record.sector), into(record.level),
         into(record.valid_from), into(record.valid_to), into(aliases), into(version), into(record.country));
    statement.execute();
    while (statement.fetch()) {
      record.id = id;
      record.version = version;
      record.aliases = split_aliases(aliases);
      found.push_back(record);
    }
    return found;
  }

  std::optional<InstitutionRecord> find_institution(Id institution_id) override {
    for (auto& institution : institutions())
      if (institution.id == institution_id) return std::move(institution);
    return std::nullopt;
  }

  std::optional<Id> find_institution_by_name(std::string_view name_es) override {
    long long id = 0;
    const std::string name(name_es);
    m_sql << "SELECT id FROM institution WHERE name_es = :n", into(id), use(name);
    if (!m_sql.got_data()) return std::nullopt;
    return id;
  }

  Id insert_institution(const InstitutionRecord& institution) override {
    long long id = 0;
    const auto aliases = join_aliases(institution.aliases);
    m_sql << "INSERT INTO institution (name_es, name_en, acronym, sector, level, valid_from, valid_to, aliases, country) "
             "VALUES (:es, :en, :a, :s, :l, NULLIF(:vf, ''), NULLIF(:vt, ''), :al, :c) RETURNING id",
        use(institution.name.es), use(institution.name.en), use(institution.acronym), use(institution.sector), use(institution.level),
        use(institution.valid_from), use(institution.valid_to), use(aliases), use(institution.country), into(id);
    refresh_institution_search_key(m_sql, id);
    return id;
  }

  bool update_institution(const InstitutionRecord& institution, std::int64_t expected_version) override {
    long long id = institution.id, version = expected_version;
    const auto aliases = join_aliases(institution.aliases);
    soci::statement statement =
        (m_sql.prepare << "UPDATE institution SET name_es = :es, name_en = :en, acronym = :a, sector = :s, level = :l, "
                          "valid_from = NULLIF(:vf, ''), valid_to = NULLIF(:vt, ''), aliases = :al, country = :c, version = version + 1 "
                          "WHERE id = :id AND version = :v",
         use(institution.name.es), use(institution.name.en), use(institution.acronym), use(institution.sector), use(institution.level),
         use(institution.valid_from), use(institution.valid_to), use(aliases), use(institution.country), use(id), use(version));
    statement.execute(true);
    if (statement.get_affected_rows() != 1) return false;
    refresh_institution_search_key(m_sql, institution.id);
    return true;
  }

  std::int64_t merge_institution(Id kept, Id merged) override {
    long long keep = kept, gone = merged;
    soci::statement move = (m_sql.prepare << "UPDATE person SET institution_id = :k, version = version + 1 WHERE institution_id = :m", use(keep), use(gone));
    move.execute(true);
    const auto moved = move.get_affected_rows();
    m_sql << "DELETE FROM institution WHERE id = :m", use(gone);
    return moved;
  }

  std::vector<SubdivisionCandidate> subdivision_candidates(std::string_view country) override {
    std::vector<SubdivisionCandidate> found;
    std::string code, name, aliases;
    const std::string wanted(country);
    soci::statement statement =
        (m_sql.prepare << "SELECT code, name, aliases FROM subdivision WHERE country = :c ORDER BY code", into(code), into(name), into(aliases), use(wanted));
    statement.execute();
    while (statement.fetch()) found.push_back({code, name, split_aliases(aliases)});
    return found;
  }

  std::vector<std::pair<std::string, std::int64_t>> subdivision_kinds(std::string_view country) override {
    std::vector<std::pair<std::string, std::int64_t>> kinds;
    std::string kind;
    long long count = 0;
    const std::string wanted(country);
    soci::statement statement = (m_sql.prepare << "SELECT kind, COUNT(*) FROM subdivision WHERE country = :c GROUP BY kind ORDER BY COUNT(*) DESC, kind",
                                 into(kind), into(count), use(wanted));
    statement.execute();
    while (statement.fetch()) kinds.emplace_back(kind, count);
    return kinds;
  }

  std::vector<SubdivisionSeed> subdivisions(std::string_view country) override {
    std::vector<SubdivisionSeed> found;
    SubdivisionSeed row;
    row.country = country;
    soci::statement statement =
        (m_sql.prepare << "SELECT code, name, kind FROM subdivision WHERE country = :c ORDER BY code", into(row.code), into(row.name), into(row.kind), use(row.country));
    statement.execute();
    while (statement.fetch()) found.push_back(row);
    return found;
  }

  void upsert_subdivision(const SubdivisionSeed& subdivision, const std::vector<std::string>& aliases) override {
    const auto joined = join_aliases(aliases);
    std::string code;
    m_sql << "SELECT code FROM subdivision WHERE code = :c", into(code), use(subdivision.code);
    if (m_sql.got_data()) {
      m_sql << "UPDATE subdivision SET country = :country, name = :n, kind = :k, aliases = :a WHERE code = :c", use(subdivision.country),
          use(subdivision.name), use(subdivision.kind), use(joined), use(subdivision.code);
    } else {
      m_sql << "INSERT INTO subdivision (code, country, name, kind, aliases) VALUES (:c, :country, :n, :k, :a)", use(subdivision.code),
          use(subdivision.country), use(subdivision.name), use(subdivision.kind), use(joined);
    }
    refresh_subdivision_search_key(m_sql, subdivision.code);
  }

  void set_institution_aliases(Id institution_id, const std::vector<std::string>& aliases) override {
    const auto joined = join_aliases(aliases);
    long long id = institution_id;
    m_sql << "UPDATE institution SET aliases = :a WHERE id = :id", use(joined), use(id);
    refresh_institution_search_key(m_sql, institution_id);
  }

  void for_each_person(Id programme_id, const std::function<void(ExistingPerson&&)>& visit) override {
    long long programme = programme_id, id = 0, institution_id = 0, version = 0, enrolled = 0;
    ImportedPerson data;
    soci::statement statement =
        (m_sql.prepare << "SELECT p.id, p.given_names, p.family_names, p.sex, p.gender_identity, COALESCE(p.email, ''), p.phone, "
                          "COALESCE(p.institution_id, 0), p.position, p.level, COALESCE(p.subdivision_code, ''), COALESCE(p.consent_date, ''), "
                          "p.consent_notice_version, p.consent_purposes, p.version, "
                          "CASE WHEN e.id IS NULL THEN 0 ELSE 1 END "
                          "FROM person p LEFT JOIN enrollment e ON e.person_id = p.id AND e.programme_id = :programme",
         into(id), into(data.given_names), into(data.family_names), into(data.sex), into(data.gender_identity), into(data.email), into(data.phone),
         into(institution_id), into(data.position), into(data.level), into(data.subdivision_code), into(data.consent_date),
         into(data.consent_notice_version), into(data.consent_purposes), into(version), into(enrolled), use(programme));
    statement.execute();
    while (statement.fetch()) {
      data.institution_id = institution_id;
      visit(ExistingPerson{id, data, version, enrolled != 0});
    }
  }

  Id insert_person(const ImportedPerson& person) override {
    auto& query = m_queries.get<InsertImportedPerson>(m_sql);
    query.columns.assign(person);
    query.statement.execute(true);
    return query.id;
  }

  void insert_and_enrol(Id programme_id, const std::vector<const ImportedPerson*>& people) override {
    std::span<const ImportedPerson* const> rest(people);
    while (rest.size() >= insert_batch_rows) {
      m_queries.get<FullInsertAndEnrolBatch>(m_sql).run(programme_id, rest.first(insert_batch_rows));
      rest = rest.subspan(insert_batch_rows);
    }
    if (!rest.empty()) InsertAndEnrolBatch(m_sql, rest.size()).run(programme_id, rest);
  }

  void update_person(Id person_id, const ImportedPerson& person) override {
    auto& query = m_queries.get<UpdateImportedPerson>(m_sql);
    query.columns.assign(person);
    query.id = person_id;
    query.statement.execute(true);
  }

  Id insert_correction_request(Id programme_id, Id enrollment_id, Id user_id, std::string_view request, std::string_view at) override {
    long long programme = programme_id, enrollment = enrollment_id, user = user_id, id = 0;
    const std::string text(request), when(at);
    m_sql << "INSERT INTO correction_request (programme_id, enrollment_id, user_id, request, created_at) VALUES (:p, :e, :u, :r, :a) RETURNING id",
        use(programme), use(enrollment), use(user), use(text), use(when), into(id);
    return id;
  }

  std::vector<CorrectionRequest> correction_requests(Id programme_id) override {
    return read_requests("c.programme_id = :k", programme_id);
  }

  std::vector<CorrectionRequest> correction_requests_of_user(Id user_id) override { return read_requests("c.user_id = :k", user_id); }

  bool resolve_correction_request(Id programme_id, Id request_id, Id by, std::string_view resolution, std::string_view at) override {
    long long programme = programme_id, id = request_id, user = by;
    const std::string text(resolution), when(at);
    soci::statement update = (m_sql.prepare << "UPDATE correction_request SET resolved_at = :a, resolved_by = :u, resolution = :r "
                                               "WHERE id = :i AND programme_id = :p AND resolved_at IS NULL",
                              use(when), use(user), use(text), use(id), use(programme));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  std::optional<Id> person_of_enrollment(Id programme_id, Id enrollment_id) override {
    long long programme = programme_id, enrollment = enrollment_id, person = 0;
    m_sql << "SELECT person_id FROM enrollment WHERE id = :e AND programme_id = :p", into(person), use(enrollment), use(programme);
    if (!m_sql.got_data()) return std::nullopt;
    return person;
  }

  std::vector<Id> programmes_of_person(Id person_id) override {
    long long person = person_id, programme = 0;
    std::vector<Id> found;
    soci::statement query = (m_sql.prepare << "SELECT programme_id FROM enrollment WHERE person_id = :p ORDER BY programme_id", into(programme), use(person));
    query.execute();
    while (query.fetch()) found.push_back(programme);
    return found;
  }

  std::optional<std::string> anonymise_person(Id person_id, std::string_view given_names, std::string_view family_names,
                                              std::string_view certificate_name, std::string_view at) override {
    long long person = person_id;
    std::string email;
    soci::indicator email_present = soci::i_ok, anonymised = soci::i_ok;
    std::string anonymised_at;
    m_sql << "SELECT email, anonymised_at FROM person WHERE id = :p", into(email, email_present), into(anonymised_at, anonymised), use(person);
    if (!m_sql.got_data() || anonymised == soci::i_ok) return std::nullopt;
    const std::string given(given_names), family(family_names), holder(certificate_name), when(at);
    const std::string sort_name = sort_name_of(family, given);
    m_sql << "UPDATE person SET given_names = :g, family_names = :f, sort_name = :s, email = NULL, phone = '', gender_identity = '', position = '', "
             "consent_date = NULL, consent_notice_version = '', consent_purposes = '', anonymised_at = :a, version = version + 1 WHERE id = :p",
        use(given), use(family), use(sort_name), use(when), use(person);
    m_sql << "UPDATE certificate SET holder_name = :h WHERE enrollment_id IN (SELECT id FROM enrollment WHERE person_id = :p)", use(holder), use(person);
    // What they wrote asking for a correction may name them too.
    m_sql << "UPDATE correction_request SET request = '', resolution = '' WHERE enrollment_id IN (SELECT id FROM enrollment WHERE person_id = :p)",
        use(person);
    return email_present == soci::i_ok ? email : std::string();
  }

  std::vector<Id> people_of_programmes_closed_before(std::string_view before) override {
    const std::string date(before);
    long long person = 0;
    std::vector<Id> found;
    soci::statement query =
        (m_sql.prepare << "SELECT p.id FROM person p WHERE p.anonymised_at IS NULL AND EXISTS (SELECT 1 FROM enrollment e WHERE e.person_id = p.id) "
                          "AND NOT EXISTS (SELECT 1 FROM enrollment e JOIN programme g ON g.id = e.programme_id WHERE e.person_id = p.id "
                          "AND NOT (g.status = 'closed' AND g.end_date IS NOT NULL AND g.end_date < :d)) ORDER BY p.id",
         into(person), use(date));
    query.execute();
    while (query.fetch()) found.push_back(person);
    return found;
  }

  std::vector<CorrectionRequest> read_requests(const std::string& where, Id key) {
    long long value = key, id = 0, programme = 0, enrollment = 0;
    CorrectionRequest row;
    std::vector<CorrectionRequest> found;
    soci::statement query =
        (m_sql.prepare << "SELECT c.id, c.programme_id, g.code, c.enrollment_id, p.given_names || ' ' || p.family_names, c.request, c.created_at, "
                          "COALESCE(c.resolved_at, ''), c.resolution FROM correction_request c JOIN programme g ON g.id = c.programme_id "
                          "JOIN enrollment e ON e.id = c.enrollment_id JOIN person p ON p.id = e.person_id WHERE " + where + " ORDER BY c.id DESC",
         into(id), into(programme), into(row.programme_code), into(enrollment), into(row.person_name), into(row.request), into(row.created_at),
         into(row.resolved_at), into(row.resolution), use(value));
    query.execute();
    while (query.fetch()) {
      row.id = id;
      row.programme_id = programme;
      row.enrollment_id = enrollment;
      found.push_back(row);
    }
    return found;
  }

  Id enrol(Id programme_id, Id person_id) override {
    auto& query = m_queries.get<InsertEnrollment>(m_sql);
    query.programme_id = programme_id;
    query.person_id = person_id;
    query.statement.execute(true);
    return query.id;
  }

 private:
  soci::session& m_sql;
  PreparedQueries& m_queries;
};

}  // namespace

std::unique_ptr<PeopleRepository> make_people_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociPeopleRepository>(sql, queries);
}

}  // namespace diplomado::storage
