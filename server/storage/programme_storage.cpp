#include <map>
#include <set>

#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

// Nullable columns are read through COALESCE so every value has a plain C++ type.
class SociProgrammeRepository final : public ProgrammeRepository {
 public:
  explicit SociProgrammeRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<ProgrammeSummary> list() override {
    std::vector<ProgrammeSummary> result;
    ProgrammeSummary row;
    long long id = 0;
    soci::statement statement = (m_sql.prepare << "SELECT id, code, title_es, title_en, COALESCE(start_date, ''), "
                                                  "COALESCE(end_date, ''), country FROM programme ORDER BY COALESCE(end_date, '') DESC, code",
                                 into(id), into(row.code), into(row.title.es), into(row.title.en), into(row.start_date),
                                 into(row.end_date), into(row.country));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      result.push_back(row);
    }
    return result;
  }

  std::optional<Programme> find(Id programme_id) override {
    Programme programme;
    long long id = programme_id, version = 0;
    soci::indicator found = soci::i_null;
    m_sql << "SELECT code, title_es, title_en, description_es, description_en, country, time_zone, COALESCE(start_date, ''), "
             "COALESCE(end_date, ''), modality, version FROM programme WHERE id = :id",
        into(programme.code, found), into(programme.title.es), into(programme.title.en), into(programme.description.es),
        into(programme.description.en), into(programme.country), into(programme.time_zone), into(programme.start_date),
        into(programme.end_date), into(programme.modality), into(version), use(id);
    if (!m_sql.got_data()) return std::nullopt;
    programme.id = programme_id;
    programme.version = version;

    int sdg = 0;
    soci::statement sdgs = (m_sql.prepare << "SELECT sdg FROM programme_sdg WHERE programme_id = :id ORDER BY sdg", into(sdg), use(id));
    sdgs.execute();
    while (sdgs.fetch()) programme.sdgs.push_back(sdg);

    Organisation organisation;
    soci::statement organisations =
        (m_sql.prepare << "SELECT role, name_es, name_en, acronym FROM programme_organisation WHERE programme_id = :id ORDER BY id",
         into(organisation.role), into(organisation.name.es), into(organisation.name.en), into(organisation.acronym), use(id));
    organisations.execute();
    while (organisations.fetch()) programme.organisations.push_back(organisation);

    Module module;
    long long module_id = 0;
    int illustrative = 0;
    soci::statement modules = (m_sql.prepare << "SELECT id, position, title_es, title_en, hours, pass_mark, weight, illustrative "
                                                "FROM module WHERE programme_id = :id ORDER BY position",
                               into(module_id), into(module.position), into(module.title.es), into(module.title.en), into(module.hours),
                               into(module.pass_mark), into(module.weight), into(illustrative), use(id));
    modules.execute();
    while (modules.fetch()) {
      module.id = module_id;
      module.illustrative = illustrative != 0;
      programme.modules.push_back(module);
    }
    return programme;
  }

  std::optional<Id> find_id_by_code(std::string_view code) override {
    long long id = 0;
    const std::string text(code);
    m_sql << "SELECT id FROM programme WHERE code = :code", into(id), use(text);
    if (!m_sql.got_data()) return std::nullopt;
    return id;
  }

  bool exists(Id programme_id) override {
    long long id = programme_id, found = 0;
    m_sql << "SELECT COUNT(*) FROM programme WHERE id = :id", into(found), use(id);
    return found > 0;
  }

  ProgrammeCounts counts(Id programme_id) override {
    ProgrammeCounts counts;
    long long id = programme_id;
    long long enrollments = 0, active = 0, withdrawn = 0, institutions = 0, subdivisions = 0, national = 0, local = 0, teams = 0;
    m_sql << "SELECT COUNT(*), "
             "COALESCE(SUM(CASE WHEN e.status <> 'withdrawn' THEN 1 ELSE 0 END), 0), "
             "COALESCE(SUM(CASE WHEN e.status = 'withdrawn' THEN 1 ELSE 0 END), 0), "
             "COUNT(DISTINCT p.institution_id), COUNT(DISTINCT p.subdivision_code), "
             "COALESCE(SUM(CASE WHEN p.level = 'national' THEN 1 ELSE 0 END), 0), "
             "COALESCE(SUM(CASE WHEN p.level = 'local' THEN 1 ELSE 0 END), 0) "
             "FROM enrollment e JOIN person p ON p.id = e.person_id WHERE e.programme_id = :id",
        into(enrollments), into(active), into(withdrawn), into(institutions), into(subdivisions), into(national), into(local), use(id);
    m_sql << "SELECT COUNT(*) FROM team WHERE programme_id = :id", into(teams), use(id);
    counts.enrollments = enrollments;
    counts.active = active;
    counts.withdrawn = withdrawn;
    counts.institutions = institutions;
    counts.subdivisions = subdivisions;
    counts.national_level = national;
    counts.local_level = local;
    counts.teams = teams;
    return counts;
  }

  Page<ParticipantRow> participants(Id programme_id, const PageRequest& page) override {
    Page<ParticipantRow> result;
    result.page = page.page;
    result.per_page = page.per_page;
    long long id = programme_id, limit = page.per_page, offset = page.offset(), total = 0;
    m_sql << "SELECT COUNT(*) FROM enrollment WHERE programme_id = :id", into(total), use(id);
    result.total = total;

    ParticipantRow row;
    long long enrollment_id = 0, person_id = 0, institution_id = 0, team_id = 0;
    int is_leader = 0;
    soci::statement statement =
        (m_sql.prepare << "SELECT e.id, p.id, p.given_names, p.family_names, p.sex, p.position, p.level, "
                          "COALESCE(i.id, 0), COALESCE(i.acronym, ''), COALESCE(i.name_es, ''), COALESCE(i.name_en, ''), "
                          "COALESCE(p.subdivision_code, ''), COALESCE(s.name, ''), COALESCE(e.team_id, 0), COALESCE(t.name, ''), "
                          "CASE WHEN t.group_leader_enrollment_id = e.id THEN 1 ELSE 0 END, e.status, e.withdrawal_reason "
                          "FROM enrollment e JOIN person p ON p.id = e.person_id "
                          "LEFT JOIN institution i ON i.id = p.institution_id "
                          "LEFT JOIN subdivision s ON s.code = p.subdivision_code "
                          "LEFT JOIN team t ON t.id = e.team_id "
                          "WHERE e.programme_id = :id ORDER BY p.sort_name, e.id LIMIT :limit OFFSET :offset",
         into(enrollment_id), into(person_id), into(row.given_names), into(row.family_names), into(row.sex), into(row.position),
         into(row.level), into(institution_id), into(row.institution.acronym), into(row.institution.name.es),
         into(row.institution.name.en), into(row.subdivision.code), into(row.subdivision.name), into(team_id), into(row.team_name),
         into(is_leader), into(row.status), into(row.withdrawal_reason), use(id), use(limit), use(offset));
    statement.execute();
    while (statement.fetch()) {
      row.enrollment_id = enrollment_id;
      row.person_id = person_id;
      row.institution.id = institution_id;
      row.team_id = team_id ? std::optional<Id>(team_id) : std::nullopt;
      row.is_group_leader = is_leader != 0;
      result.items.push_back(row);
    }
    return result;
  }

  std::vector<TeamView> teams(Id programme_id) override {
    std::vector<TeamView> result;
    long long id = programme_id;
    TeamView team;
    long long team_id = 0, leader_id = 0, members = 0;
    soci::statement statement =
        (m_sql.prepare << "SELECT t.id, t.name, COALESCE(t.subdivision_code, ''), COALESCE(s.name, ''), "
                          "COALESCE(t.group_leader_enrollment_id, 0), COALESCE(lp.given_names || ' ' || lp.family_names, ''), "
                          "COALESCE(li.acronym, ''), "
                          "(SELECT COUNT(*) FROM enrollment m WHERE m.team_id = t.id AND m.status <> 'withdrawn') "
                          "FROM team t LEFT JOIN subdivision s ON s.code = t.subdivision_code "
                          "LEFT JOIN enrollment le ON le.id = t.group_leader_enrollment_id "
                          "LEFT JOIN person lp ON lp.id = le.person_id "
                          "LEFT JOIN institution li ON li.id = lp.institution_id "
                          "WHERE t.programme_id = :id ORDER BY t.name",
         into(team_id), into(team.name), into(team.region.code), into(team.region.name), into(leader_id), into(team.leader_name),
         into(team.leader_institution_acronym), into(members), use(id));
    statement.execute();
    std::map<Id, std::size_t> index;
    while (statement.fetch()) {
      team.id = team_id;
      team.leader_enrollment_id = leader_id ? std::optional<Id>(leader_id) : std::nullopt;
      team.member_count = members;
      index[team.id] = result.size();
      result.push_back(team);
    }

    std::string acronym;
    soci::statement mix = (m_sql.prepare << "SELECT DISTINCT e.team_id, COALESCE(NULLIF(i.acronym, ''), i.name_es) "
                                            "FROM enrollment e JOIN person p ON p.id = e.person_id "
                                            "JOIN institution i ON i.id = p.institution_id "
                                            "WHERE e.programme_id = :id AND e.team_id IS NOT NULL AND e.status <> 'withdrawn' "
                                            "ORDER BY 2",
                           into(team_id), into(acronym), use(id));
    mix.execute();
    while (mix.fetch())
      if (auto found = index.find(team_id); found != index.end()) result[found->second].institution_acronyms.push_back(acronym);
    return result;
  }

  Id insert_programme(const Programme& programme) override {
    long long id = 0;
    m_sql << "INSERT INTO programme (code, title_es, title_en, description_es, description_en, country, time_zone, start_date, "
             "end_date, modality) VALUES (:code, :tes, :ten, :des, :den, :country, :tz, NULLIF(:start, ''), NULLIF(:end, ''), :modality) "
             "RETURNING id",
        use(programme.code), use(programme.title.es), use(programme.title.en), use(programme.description.es),
        use(programme.description.en), use(programme.country), use(programme.time_zone), use(programme.start_date),
        use(programme.end_date), use(programme.modality), into(id);
    for (int sdg : programme.sdgs) m_sql << "INSERT INTO programme_sdg (programme_id, sdg) VALUES (:p, :s)", use(id), use(sdg);
    for (const auto& organisation : programme.organisations)
      m_sql << "INSERT INTO programme_organisation (programme_id, role, name_es, name_en, acronym) VALUES (:p, :r, :es, :en, :a)",
          use(id), use(organisation.role), use(organisation.name.es), use(organisation.name.en), use(organisation.acronym);
    return id;
  }

  void insert_module(Id programme_id, const Module& module) override {
    long long id = programme_id;
    int illustrative = module.illustrative ? 1 : 0;
    m_sql << "INSERT INTO module (programme_id, position, title_es, title_en, hours, pass_mark, weight, illustrative) "
             "VALUES (:p, :pos, :es, :en, :h, :pm, :w, :il)",
        use(id), use(module.position), use(module.title.es), use(module.title.en), use(module.hours), use(module.pass_mark),
        use(module.weight), use(illustrative);
  }

  Id insert_team(Id programme_id, const TeamSeed& team) override {
    long long id = programme_id, team_id = 0;
    m_sql << "INSERT INTO team (programme_id, name, subdivision_code) VALUES (:p, :n, NULLIF(:s, '')) RETURNING id", use(id),
        use(team.name), use(team.subdivision_code), into(team_id);
    return team_id;
  }

  void set_team_leader(Id team_id, Id enrollment_id) override {
    long long team = team_id, enrollment = enrollment_id;
    m_sql << "UPDATE team SET group_leader_enrollment_id = :e, version = version + 1 WHERE id = :t", use(enrollment), use(team);
  }

  Id insert_enrollment(Id programme_id, Id person_id, const ParticipantSeed& participant, std::optional<Id> team_id) override {
    long long programme = programme_id, person = person_id, team = team_id.value_or(0), id = 0;
    m_sql << "INSERT INTO enrollment (programme_id, person_id, team_id, status, withdrawal_reason) "
             "VALUES (:p, :person, NULLIF(:t, 0), :s, :r) RETURNING id",
        use(programme), use(person), use(team), use(participant.status), use(participant.withdrawal_reason), into(id);
    return id;
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ProgrammeRepository> make_programme_repository(soci::session& sql) {
  return std::make_unique<SociProgrammeRepository>(sql);
}

}  // namespace diplomado::storage
