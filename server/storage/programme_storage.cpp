#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "domain/programme_rules.hpp"
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

// The reads, prepared once per connection (storage/prepared_queries.hpp). Nullable columns are
// read through COALESCE so every value has a plain C++ type.

struct ListProgrammesPage {
  ProgrammeSummary row;
  std::string status;
  long long id = 0, limit = 50, offset = 0;
  soci::statement statement;
  explicit ListProgrammesPage(soci::session& sql)
      : statement((sql.prepare << "SELECT id, code, title_es, title_en, COALESCE(start_date, ''), COALESCE(end_date, ''), country, status "
                                  "FROM programme ORDER BY COALESCE(end_date, '') DESC, code LIMIT :l OFFSET :o",
                   into(id), into(row.code), into(row.title.es), into(row.title.en), into(row.start_date), into(row.end_date),
                   into(row.country), into(status), use(limit), use(offset))) {}
};

struct ProgrammeSummaryById {
  ProgrammeSummary row;
  std::string status;
  long long id = 0;
  soci::statement statement;
  explicit ProgrammeSummaryById(soci::session& sql)
      : statement((sql.prepare << "SELECT code, title_es, title_en, COALESCE(start_date, ''), COALESCE(end_date, ''), country, status "
                                  "FROM programme WHERE id = :id",
                   into(row.code), into(row.title.es), into(row.title.en), into(row.start_date), into(row.end_date), into(row.country), into(status),
                   use(id))) {}
};

struct FindProgramme {
  long long id = 0, version = 0;
  Programme row;
  std::string status;
  soci::statement statement;
  explicit FindProgramme(soci::session& sql)
      : statement((sql.prepare << "SELECT code, title_es, title_en, description_es, description_en, country, time_zone, locale, status, "
                                  "COALESCE(start_date, ''), COALESCE(end_date, ''), modality, version FROM programme WHERE id = :id",
                   into(row.code), into(row.title.es), into(row.title.en), into(row.description.es), into(row.description.en),
                   into(row.country), into(row.time_zone), into(row.locale), into(status), into(row.start_date), into(row.end_date),
                   into(row.modality), into(version), use(id))) {}
};

struct ProgrammeSdgs {
  long long id = 0;
  int sdg = 0;
  soci::statement statement;
  explicit ProgrammeSdgs(soci::session& sql)
      : statement((sql.prepare << "SELECT sdg FROM programme_sdg WHERE programme_id = :id ORDER BY sdg", into(sdg), use(id))) {}
};

struct ProgrammeOrganisations {
  long long id = 0;
  Organisation row;
  soci::statement statement;
  explicit ProgrammeOrganisations(soci::session& sql)
      : statement((sql.prepare << "SELECT role, name_es, name_en, acronym FROM programme_organisation WHERE programme_id = :id ORDER BY id",
                   into(row.role), into(row.name.es), into(row.name.en), into(row.acronym), use(id))) {}
};

struct ProgrammeModules {
  long long id = 0, module_id = 0;
  int illustrative = 0;
  Module row;
  soci::statement statement;
  explicit ProgrammeModules(soci::session& sql)
      : statement((sql.prepare << "SELECT id, position, title_es, title_en, hours, pass_mark, weight, illustrative "
                                  "FROM module WHERE programme_id = :id ORDER BY position",
                   into(module_id), into(row.position), into(row.title.es), into(row.title.en), into(row.hours), into(row.pass_mark),
                   into(row.weight), into(illustrative), use(id))) {}
};

struct ProgrammeIdByCode {
  std::string code;
  long long id = 0;
  soci::statement statement;
  explicit ProgrammeIdByCode(soci::session& sql)
      : statement((sql.prepare << "SELECT id FROM programme WHERE code = :code", into(id), use(code))) {}
};

// One id in, one count out; each SQL text is its own type, so its own cached statement.
template <const char* Sql>
struct CountById {
  long long id = 0, total = 0;
  soci::statement statement;
  explicit CountById(soci::session& sql) : statement((sql.prepare << Sql, into(total), use(id))) {}
};

constexpr char count_programmes_sql[] = "SELECT COUNT(*) FROM programme WHERE id = :id";
constexpr char count_teams_sql[] = "SELECT COUNT(*) FROM team WHERE programme_id = :id";
using ProgrammeExists = CountById<count_programmes_sql>;
using CountTeams = CountById<count_teams_sql>;

struct ProgrammeEnrollmentCounts {
  long long id = 0, enrollments = 0, active = 0, withdrawn = 0, institutions = 0, subdivisions = 0, national = 0, local = 0;
  soci::statement statement;
  explicit ProgrammeEnrollmentCounts(soci::session& sql)
      : statement((sql.prepare << "SELECT COUNT(*), "
                                  "COALESCE(SUM(CASE WHEN e.status <> 'withdrawn' THEN 1 ELSE 0 END), 0), "
                                  "COALESCE(SUM(CASE WHEN e.status = 'withdrawn' THEN 1 ELSE 0 END), 0), "
                                  "COUNT(DISTINCT p.institution_id), COUNT(DISTINCT p.subdivision_code), "
                                  "COALESCE(SUM(CASE WHEN p.level = 'national' THEN 1 ELSE 0 END), 0), "
                                  "COALESCE(SUM(CASE WHEN p.level = 'local' THEN 1 ELSE 0 END), 0) "
                                  "FROM enrollment e JOIN person p ON p.id = e.person_id WHERE e.programme_id = :id",
                   into(enrollments), into(active), into(withdrawn), into(institutions), into(subdivisions), into(national), into(local),
                   use(id))) {}
};

// The participants table's filters, bound as values so one prepared statement serves every
// combination: a filter that is off binds its "all" flag to 1.
struct ParticipantFilterBinding {
  long long id = 0, institution_all = 1, institution = 0, team_all = 1, team = 0;
  int subdivision_all = 1, level_all = 1, sex_all = 1, status_all = 1;
  std::array<int, search_word_slots> word_all{};
  std::array<std::string, search_word_slots> word, word_in_email, word_in_place, word_in_institution;
  std::string subdivision, level, sex, status, sort;

  void assign(Id programme_id, const ParticipantFilter& filter) {
    id = programme_id;
    word = search_word_patterns(filter.search);
    for (std::size_t i = 0; i < search_word_slots; ++i) {
      word_all[i] = word[i].empty();
      word_in_email[i] = word_in_place[i] = word_in_institution[i] = word[i];
    }
    institution_all = !filter.institution_id;
    institution = filter.institution_id.value_or(0);
    subdivision_all = filter.subdivision_code.empty();
    subdivision = filter.subdivision_code;
    level_all = !filter.level;
    level = filter.level ? std::string(to_string(*filter.level)) : std::string();
    sex_all = !filter.sex;
    sex = filter.sex ? std::string(to_string(*filter.sex)) : std::string();
    team_all = !filter.team_id;
    team = filter.team_id.value_or(0);
    status_all = !filter.status;
    status = filter.status ? std::string(to_string(*filter.status)) : std::string();
    sort = std::string(to_string(filter.sort));
  }
};

static_assert(search_word_slots == 4, "the participant queries bind four search words");
#define DIPLOMADO_SEARCH_WORD(n) \
  "AND (:all" #n " = 1 OR p.sort_name LIKE :word" #n " ESCAPE '!' OR COALESCE(p.email, '') LIKE :mail" #n " ESCAPE '!' " \
  "OR COALESCE(s.search_key, '') LIKE :place" #n " ESCAPE '!' OR COALESCE(i.search_key, '') LIKE :org" #n " ESCAPE '!') "
#define DIPLOMADO_SEARCH_WORD_USE(filter, n)                                                                   \
  use(filter.word_all[n]), use(filter.word[n]), use(filter.word_in_email[n]), use(filter.word_in_place[n]), \
      use(filter.word_in_institution[n])

#define DIPLOMADO_PARTICIPANT_FROM                                                                                      \
  " FROM enrollment e JOIN person p ON p.id = e.person_id "                                                             \
  "LEFT JOIN institution i ON i.id = p.institution_id "                                                                 \
  "LEFT JOIN subdivision s ON s.code = p.subdivision_code "                                                             \
  "LEFT JOIN team t ON t.id = e.team_id "                                                                               \
  "WHERE e.programme_id = :id "                                                                                         \
  DIPLOMADO_SEARCH_WORD(0) DIPLOMADO_SEARCH_WORD(1) DIPLOMADO_SEARCH_WORD(2) DIPLOMADO_SEARCH_WORD(3)                      \
  "AND (:institution_all = 1 OR p.institution_id = :institution) "                                                     \
  "AND (:subdivision_all = 1 OR p.subdivision_code = :subdivision) "                                                   \
  "AND (:level_all = 1 OR p.level = :level) "                                                                           \
  "AND (:sex_all = 1 OR p.sex = :sex) "                                                                                 \
  "AND (:team_all = 1 OR COALESCE(e.team_id, 0) = :team) "                                                              \
  "AND (:status_all = 1 OR e.status = :status) "

#define DIPLOMADO_PARTICIPANT_USE(filter)                                                                               \
  use(filter.id), DIPLOMADO_SEARCH_WORD_USE(filter, 0), DIPLOMADO_SEARCH_WORD_USE(filter, 1),                         \
      DIPLOMADO_SEARCH_WORD_USE(filter, 2), DIPLOMADO_SEARCH_WORD_USE(filter, 3),                                       \
      use(filter.institution_all), use(filter.institution), use(filter.subdivision_all), use(filter.subdivision),      \
      use(filter.level_all), use(filter.level), use(filter.sex_all), use(filter.sex), use(filter.team_all),             \
      use(filter.team), use(filter.status_all), use(filter.status)

#define DIPLOMADO_PARTICIPANT_ORDER                                                                                     \
  " ORDER BY CASE :sort WHEN 'institution' THEN COALESCE(NULLIF(i.acronym, ''), i.name_es, '') "                       \
  "WHEN 'subdivision' THEN COALESCE(s.name, '') WHEN 'team' THEN COALESCE(t.name, '') "                                 \
  "WHEN 'status' THEN e.status ELSE '' END, p.sort_name, e.id"

#define DIPLOMADO_PARTICIPANT_COLUMNS                                                                                   \
  "SELECT e.id, p.id, p.given_names, p.family_names, p.sex, p.position, p.level, "                                     \
  "COALESCE(i.id, 0), COALESCE(i.acronym, ''), COALESCE(i.name_es, ''), COALESCE(i.name_en, ''), "                      \
  "COALESCE(p.subdivision_code, ''), COALESCE(s.name, ''), COALESCE(e.team_id, 0), COALESCE(t.name, ''), "              \
  "CASE WHEN t.group_leader_enrollment_id = e.id THEN 1 ELSE 0 END, e.status, e.withdrawal_reason"

// The row part every participant query reads, and how it becomes a ParticipantRow.
struct ParticipantRowInto {
  long long enrollment_id = 0, person_id = 0, institution_id = 0, team_id = 0;
  int is_leader = 0;
  std::string status;
  ParticipantRow row;

  const ParticipantRow& complete() {
    // The column's CHECK allows the four statuses only.
    row.status = parse_enrollment_status(status).value_or(EnrollmentStatus::enrolled);
    row.enrollment_id = enrollment_id;
    row.person_id = person_id;
    row.institution.id = institution_id;
    row.team_id = team_id ? std::optional<Id>(team_id) : std::nullopt;
    row.is_group_leader = is_leader != 0;
    return row;
  }
};

#define DIPLOMADO_PARTICIPANT_INTO(target)                                                                               \
  into(target.enrollment_id), into(target.person_id), into(target.row.given_names), into(target.row.family_names),     \
      into(target.row.sex), into(target.row.position), into(target.row.level), into(target.institution_id),            \
      into(target.row.institution.acronym), into(target.row.institution.name.es), into(target.row.institution.name.en), \
      into(target.row.subdivision.code), into(target.row.subdivision.name), into(target.team_id), into(target.row.team_name), \
      into(target.is_leader), into(target.status), into(target.row.withdrawal_reason)

struct CountParticipants {
  ParticipantFilterBinding filter;
  long long total = 0;
  soci::statement statement;
  explicit CountParticipants(soci::session& sql)
      : statement((sql.prepare << "SELECT COUNT(*)" DIPLOMADO_PARTICIPANT_FROM, into(total), DIPLOMADO_PARTICIPANT_USE(filter))) {}
};

struct ParticipantPage {
  ParticipantFilterBinding filter;
  long long limit = 0, offset = 0;
  ParticipantRowInto target;
  soci::statement statement;
  explicit ParticipantPage(soci::session& sql)
      : statement((sql.prepare << DIPLOMADO_PARTICIPANT_COLUMNS DIPLOMADO_PARTICIPANT_FROM DIPLOMADO_PARTICIPANT_ORDER " LIMIT :limit OFFSET :offset",
                   DIPLOMADO_PARTICIPANT_INTO(target), DIPLOMADO_PARTICIPANT_USE(filter), use(filter.sort), use(limit), use(offset))) {}
};

struct ParticipantRecords {
  ParticipantFilterBinding filter;
  ParticipantRowInto target;
  ParticipantRecord record;
  soci::statement statement;
  explicit ParticipantRecords(soci::session& sql)
      : statement((sql.prepare << DIPLOMADO_PARTICIPANT_COLUMNS ", COALESCE(p.email, ''), p.phone, p.gender_identity, COALESCE(p.consent_date, ''), "
                                  "p.consent_notice_version, p.consent_purposes" DIPLOMADO_PARTICIPANT_FROM DIPLOMADO_PARTICIPANT_ORDER,
                   DIPLOMADO_PARTICIPANT_INTO(target), into(record.email), into(record.phone), into(record.gender_identity),
                   into(record.consent_date), into(record.consent_notice_version), into(record.consent_purposes),
                   DIPLOMADO_PARTICIPANT_USE(filter), use(filter.sort))) {}
};

struct OneParticipant {
  long long id = 0, enrollment = 0, version = 0;
  ParticipantRowInto target;
  ParticipantRecord record;
  soci::statement statement;
  explicit OneParticipant(soci::session& sql)
      : statement((sql.prepare << DIPLOMADO_PARTICIPANT_COLUMNS ", COALESCE(p.email, ''), p.phone, p.gender_identity, COALESCE(p.consent_date, ''), "
                                  "p.consent_notice_version, p.consent_purposes, e.version "
                                  "FROM enrollment e JOIN person p ON p.id = e.person_id "
                                  "LEFT JOIN institution i ON i.id = p.institution_id "
                                  "LEFT JOIN subdivision s ON s.code = p.subdivision_code "
                                  "LEFT JOIN team t ON t.id = e.team_id "
                                  "WHERE e.programme_id = :id AND e.id = :enrollment",
                   DIPLOMADO_PARTICIPANT_INTO(target), into(record.email), into(record.phone), into(record.gender_identity),
                   into(record.consent_date), into(record.consent_notice_version), into(record.consent_purposes), into(version), use(id),
                   use(enrollment))) {}
};

struct ProgrammeTeams {
  long long id = 0, team_id = 0, leader_id = 0, members = 0, version = 1;
  TeamView row;
  soci::statement statement;
  explicit ProgrammeTeams(soci::session& sql)
      : statement((sql.prepare << "SELECT t.id, t.name, COALESCE(t.subdivision_code, ''), COALESCE(s.name, ''), "
                                  "COALESCE(t.group_leader_enrollment_id, 0), COALESCE(lp.given_names || ' ' || lp.family_names, ''), "
                                  "COALESCE(li.acronym, ''), "
                                  "(SELECT COUNT(*) FROM enrollment m WHERE m.team_id = t.id AND m.status <> 'withdrawn'), t.version "
                                  "FROM team t LEFT JOIN subdivision s ON s.code = t.subdivision_code "
                                  "LEFT JOIN enrollment le ON le.id = t.group_leader_enrollment_id "
                                  "LEFT JOIN person lp ON lp.id = le.person_id "
                                  "LEFT JOIN institution li ON li.id = lp.institution_id "
                                  "WHERE t.programme_id = :id ORDER BY t.name",
                   into(team_id), into(row.name), into(row.region.code), into(row.region.name), into(leader_id), into(row.leader_name),
                   into(row.leader_institution_acronym), into(members), into(version), use(id))) {}
};

struct TeamInstitutionMix {
  long long id = 0, team_id = 0;
  std::string acronym;
  soci::statement statement;
  explicit TeamInstitutionMix(soci::session& sql)
      : statement((sql.prepare << "SELECT DISTINCT e.team_id, COALESCE(NULLIF(i.acronym, ''), i.name_es) "
                                  "FROM enrollment e JOIN person p ON p.id = e.person_id "
                                  "JOIN institution i ON i.id = p.institution_id "
                                  "WHERE e.programme_id = :id AND e.team_id IS NOT NULL AND e.status <> 'withdrawn' "
                                  "ORDER BY 2",
                   into(team_id), into(acronym), use(id))) {}
};

class SociProgrammeRepository final : public ProgrammeRepository {
 public:
  SociProgrammeRepository(soci::session& sql, PreparedQueries& queries) : m_sql(sql), m_queries(queries) {}

  std::vector<ProgrammeSummary> list() override { return list_page(0, std::numeric_limits<std::int64_t>::max()); }

  std::vector<ProgrammeSummary> list_page(std::int64_t offset, std::int64_t limit) override {
    std::vector<ProgrammeSummary> result;
    auto& query = m_queries.get<ListProgrammesPage>(m_sql);
    query.offset = offset;
    query.limit = limit;
    query.statement.execute();
    while (query.statement.fetch()) {
      query.row.id = query.id;
      query.row.status = parse_programme_status(query.status).value_or(ProgrammeStatus::active);
      result.push_back(query.row);
    }
    return result;
  }

  std::int64_t count_programmes() override {
    long long count = 0;
    m_sql << "SELECT COUNT(*) FROM programme", into(count);
    return count;
  }

  std::vector<ProgrammeSummary> list_of(const std::vector<Id>& programme_ids) override {
    std::vector<ProgrammeSummary> result;
    auto& query = m_queries.get<ProgrammeSummaryById>(m_sql);
    for (const Id programme_id : programme_ids) {
      query.id = programme_id;
      query.statement.execute(true);
      if (!query.statement.got_data()) continue;
      query.row.id = programme_id;
      query.row.status = parse_programme_status(query.status).value_or(ProgrammeStatus::active);
      result.push_back(query.row);
    }
    // The order of list(): latest end first, then by code.
    std::ranges::sort(result, [](const ProgrammeSummary& a, const ProgrammeSummary& b) {
      return a.end_date != b.end_date ? a.end_date > b.end_date : a.code < b.code;
    });
    return result;
  }

  std::optional<Programme> find(Id programme_id) override {
    auto& query = m_queries.get<FindProgramme>(m_sql);
    query.id = programme_id;
    query.statement.execute(true);
    if (!query.statement.got_data()) return std::nullopt;
    Programme programme = query.row;
    programme.id = programme_id;
    programme.version = query.version;
    programme.status = parse_programme_status(query.status).value_or(ProgrammeStatus::active);

    auto& sdgs = m_queries.get<ProgrammeSdgs>(m_sql);
    sdgs.id = programme_id;
    sdgs.statement.execute();
    while (sdgs.statement.fetch()) programme.sdgs.push_back(sdgs.sdg);

    auto& organisations = m_queries.get<ProgrammeOrganisations>(m_sql);
    organisations.id = programme_id;
    organisations.statement.execute();
    while (organisations.statement.fetch()) programme.organisations.push_back(organisations.row);

    auto& modules = m_queries.get<ProgrammeModules>(m_sql);
    modules.id = programme_id;
    modules.statement.execute();
    while (modules.statement.fetch()) {
      modules.row.id = modules.module_id;
      modules.row.illustrative = modules.illustrative != 0;
      programme.modules.push_back(modules.row);
    }
    return programme;
  }

  std::optional<Id> find_id_by_code(std::string_view code) override {
    auto& query = m_queries.get<ProgrammeIdByCode>(m_sql);
    query.code = code;
    query.statement.execute(true);
    if (!query.statement.got_data()) return std::nullopt;
    return query.id;
  }

  bool exists(Id programme_id) override {
    auto& query = m_queries.get<ProgrammeExists>(m_sql);
    query.id = programme_id;
    query.statement.execute(true);
    return query.total > 0;
  }

  ProgrammeCounts counts(Id programme_id) override {
    auto& query = m_queries.get<ProgrammeEnrollmentCounts>(m_sql);
    query.id = programme_id;
    query.statement.execute(true);
    ProgrammeCounts counts;
    counts.enrollments = query.enrollments;
    counts.active = query.active;
    counts.withdrawn = query.withdrawn;
    counts.institutions = query.institutions;
    counts.subdivisions = query.subdivisions;
    counts.national_level = query.national;
    counts.local_level = query.local;
    auto& teams = m_queries.get<CountTeams>(m_sql);
    teams.id = programme_id;
    teams.statement.execute(true);
    counts.teams = teams.total;
    return counts;
  }

  Page<ParticipantRow> participants(Id programme_id, const ParticipantFilter& filter, const PageRequest& page) override {
    Page<ParticipantRow> result;
    result.page = page.page;
    result.per_page = page.per_page;
    auto& count = m_queries.get<CountParticipants>(m_sql);
    count.filter.assign(programme_id, filter);
    count.statement.execute(true);
    result.total = count.total;

    auto& query = m_queries.get<ParticipantPage>(m_sql);
    query.filter.assign(programme_id, filter);
    query.limit = page.per_page;
    query.offset = page.offset();
    query.statement.execute();
    result.items.reserve(static_cast<std::size_t>(std::min(page.per_page, result.total)));
    while (query.statement.fetch()) result.items.push_back(query.target.complete());
    return result;
  }

  std::vector<ParticipantRecord> participant_records(Id programme_id, const ParticipantFilter& filter) override {
    std::vector<ParticipantRecord> result;
    result.reserve(static_cast<std::size_t>(counts(programme_id).enrollments));
    auto& query = m_queries.get<ParticipantRecords>(m_sql);
    query.filter.assign(programme_id, filter);
    query.statement.execute();
    while (query.statement.fetch()) {
      query.record.row = query.target.complete();
      result.push_back(query.record);
    }
    return result;
  }

  std::optional<ParticipantRecord> participant(Id programme_id, Id enrollment_id) override {
    auto& query = m_queries.get<OneParticipant>(m_sql);
    query.id = programme_id;
    query.enrollment = enrollment_id;
    query.statement.execute(true);
    if (!query.statement.got_data()) return std::nullopt;
    query.record.row = query.target.complete();
    query.record.version = query.version;
    return query.record;
  }

  bool update_enrollment_status(Id enrollment_id, std::int64_t expected_version, std::string_view status, std::string_view reason) override {
    long long id = enrollment_id, version = expected_version;
    const std::string new_status(status), new_reason(reason);
    soci::statement statement = (m_sql.prepare << "UPDATE enrollment SET status = :s, withdrawal_reason = :r, version = version + 1 "
                                                  "WHERE id = :id AND version = :v",
                                 use(new_status), use(new_reason), use(id), use(version));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
  }

  std::vector<TeamView> teams(Id programme_id) override {
    std::vector<TeamView> result;
    auto& query = m_queries.get<ProgrammeTeams>(m_sql);
    query.id = programme_id;
    query.statement.execute();
    std::map<Id, std::size_t> index;
    while (query.statement.fetch()) {
      auto team = query.row;
      team.id = query.team_id;
      team.leader_enrollment_id = query.leader_id ? std::optional<Id>(query.leader_id) : std::nullopt;
      team.member_count = query.members;
      team.version = query.version;
      index[team.id] = result.size();
      result.push_back(std::move(team));
    }

    auto& mix = m_queries.get<TeamInstitutionMix>(m_sql);
    mix.id = programme_id;
    mix.statement.execute();
    while (mix.statement.fetch())
      if (auto found = index.find(mix.team_id); found != index.end()) result[found->second].institution_acronyms.push_back(mix.acronym);
    return result;
  }

  Id insert_programme(const Programme& programme) override {
    long long id = 0;
    const std::string status(to_string(programme.status));
    m_sql << "INSERT INTO programme (code, title_es, title_en, description_es, description_en, country, time_zone, locale, status, start_date, "
             "end_date, modality) VALUES (:code, :tes, :ten, :des, :den, :country, :tz, :locale, :status, NULLIF(:start, ''), NULLIF(:end, ''), "
             ":modality) RETURNING id",
        use(programme.code), use(programme.title.es), use(programme.title.en), use(programme.description.es),
        use(programme.description.en), use(programme.country), use(programme.time_zone), use(programme.locale), use(status),
        use(programme.start_date), use(programme.end_date), use(programme.modality), into(id);
    write_sdgs_and_organisations(id, programme);
    write_grading_policy(m_sql, id, programme.grading);
    return id;
  }

  // The programme's own description; its modules are written one by one (update_module).
  bool update_programme(const Programme& programme, std::int64_t expected_version) override {
    long long id = programme.id, version = expected_version;
    const std::string status(to_string(programme.status));
    soci::statement update =
        (m_sql.prepare << "UPDATE programme SET code = :code, title_es = :tes, title_en = :ten, description_es = :des, description_en = :den, "
                          "country = :country, time_zone = :tz, locale = :locale, status = :status, start_date = NULLIF(:start, ''), "
                          "end_date = NULLIF(:end, ''), modality = :modality, version = version + 1 WHERE id = :id AND version = :v",
         use(programme.code), use(programme.title.es), use(programme.title.en), use(programme.description.es), use(programme.description.en),
         use(programme.country), use(programme.time_zone), use(programme.locale), use(status), use(programme.start_date),
         use(programme.end_date), use(programme.modality), use(id), use(version));
    update.execute(true);
    if (update.get_affected_rows() != 1) return false;
    m_sql << "DELETE FROM programme_sdg WHERE programme_id = :p", use(id);
    m_sql << "DELETE FROM programme_organisation WHERE programme_id = :p", use(id);
    write_sdgs_and_organisations(id, programme);
    return true;
  }

  void update_module(Id module_id, const Module& module) override {
    long long id = module_id;
    int illustrative = module.illustrative ? 1 : 0;
    m_sql << "UPDATE module SET position = :pos, title_es = :es, title_en = :en, hours = :h, pass_mark = :pm, weight = :w, illustrative = :il, "
             "version = version + 1 WHERE id = :id",
        use(module.position), use(module.title.es), use(module.title.en), use(module.hours), use(module.pass_mark), use(module.weight),
        use(illustrative), use(id);
  }

  void delete_module(Id module_id) override {
    long long id = module_id;
    m_sql << "DELETE FROM module WHERE id = :id", use(id);
  }

  std::vector<std::pair<Id, std::int64_t>> module_usage(Id programme_id) override {
    long long id = programme_id, module_id = 0, uses = 0;
    std::vector<std::pair<Id, std::int64_t>> result;
    soci::statement query = (m_sql.prepare << "SELECT m.id, (SELECT COUNT(*) FROM session s WHERE s.module_id = m.id) + "
                                              "(SELECT COUNT(*) FROM assessment a WHERE a.module_id = m.id) FROM module m WHERE m.programme_id = :p",
                             into(module_id), into(uses), use(id));
    query.execute();
    while (query.fetch()) result.emplace_back(module_id, uses);
    return result;
  }

  SetupCounts setup_counts(Id programme_id) override {
    long long id = programme_id;
    static const char* const queries[] = {
        "SELECT COUNT(*) FROM module WHERE programme_id = :p",
        "SELECT COUNT(*) FROM session s JOIN module m ON m.id = s.module_id WHERE m.programme_id = :p",
        "SELECT COUNT(*) FROM assessment WHERE programme_id = :p",
        "SELECT COUNT(*) FROM enrollment WHERE programme_id = :p",
        "SELECT COUNT(*) FROM team WHERE programme_id = :p",
        "SELECT COUNT(*) FROM enrollment WHERE programme_id = :p AND team_id IS NOT NULL",
        "SELECT COUNT(*) FROM rubric_criterion WHERE programme_id = :p",
        "SELECT COUNT(*) FROM role_grant WHERE programme_id = :p AND role = 'juror'",
        "SELECT COUNT(*) FROM role_grant WHERE programme_id = :p AND role = 'coordinator'",
    };
    long long values[std::size(queries)] = {};
    for (std::size_t i = 0; i < std::size(queries); ++i) m_sql << queries[i], into(values[i]), use(id);
    return SetupCounts{values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]};
  }

  Id insert_module(Id programme_id, const Module& module) override {
    long long id = programme_id, module_id = 0;
    int illustrative = module.illustrative ? 1 : 0;
    m_sql << "INSERT INTO module (programme_id, position, title_es, title_en, hours, pass_mark, weight, illustrative) "
             "VALUES (:p, :pos, :es, :en, :h, :pm, :w, :il) RETURNING id",
        use(id), use(module.position), use(module.title.es), use(module.title.en), use(module.hours), use(module.pass_mark),
        use(module.weight), use(illustrative), into(module_id);
    return module_id;
  }

  void write_sdgs_and_organisations(long long id, const Programme& programme) {
    for (int sdg : programme.sdgs) m_sql << "INSERT INTO programme_sdg (programme_id, sdg) VALUES (:p, :s)", use(id), use(sdg);
    for (const auto& organisation : programme.organisations)
      m_sql << "INSERT INTO programme_organisation (programme_id, role, name_es, name_en, acronym) VALUES (:p, :r, :es, :en, :a)",
          use(id), use(organisation.role), use(organisation.name.es), use(organisation.name.en), use(organisation.acronym);
  }

  Id insert_team(Id programme_id, const TeamSeed& team) override {
    long long id = programme_id, team_id = 0;
    m_sql << "INSERT INTO team (programme_id, name, subdivision_code) VALUES (:p, :n, NULLIF(:s, '')) RETURNING id", use(id),
        use(team.name), use(team.subdivision_code), into(team_id);
    return team_id;
  }

  bool update_team(Id team_id, std::string_view name, std::optional<std::string> subdivision_code, std::optional<Id> leader_enrollment_id,
                   std::int64_t expected_version) override {
    const std::string name_text(name), code = subdivision_code.value_or("");
    long long team = team_id, leader = leader_enrollment_id.value_or(0), version = expected_version;
    soci::statement update = (m_sql.prepare << "UPDATE team SET name = :n, subdivision_code = NULLIF(:s, ''), "
                                               "group_leader_enrollment_id = NULLIF(:l, 0), version = version + 1 WHERE id = :t AND version = :v",
                              use(name_text), use(code), use(leader), use(team), use(version));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  void set_enrollment_team(Id enrollment_id, std::optional<Id> team_id) override {
    long long enrollment = enrollment_id, team = team_id.value_or(0);
    m_sql << "UPDATE enrollment SET team_id = NULLIF(:t, 0), version = version + 1 WHERE id = :e", use(team), use(enrollment);
  }

  std::int64_t team_version(Id team_id) override {
    long long team = team_id, version = 0;
    m_sql << "SELECT version FROM team WHERE id = :t", use(team), into(version);
    return version;
  }

  void set_team_leader(Id team_id, Id enrollment_id) override {
    long long team = team_id, enrollment = enrollment_id;
    m_sql << "UPDATE team SET group_leader_enrollment_id = :e, version = version + 1 WHERE id = :t", use(enrollment), use(team);
  }

  Id insert_enrollment(Id programme_id, Id person_id, const ParticipantSeed& participant, std::optional<Id> team_id) override {
    long long programme = programme_id, person = person_id, team = team_id.value_or(0), id = 0;
    const std::string status(to_string(participant.status));
    m_sql << "INSERT INTO enrollment (programme_id, person_id, team_id, status, withdrawal_reason) "
             "VALUES (:p, :person, NULLIF(:t, 0), :s, :r) RETURNING id",
        use(programme), use(person), use(team), use(status), use(participant.withdrawal_reason), into(id);
    return id;
  }

 private:
  soci::session& m_sql;
  PreparedQueries& m_queries;
};

}  // namespace

std::unique_ptr<ProgrammeRepository> make_programme_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociProgrammeRepository>(sql, queries);
}

}  // namespace diplomado::storage
