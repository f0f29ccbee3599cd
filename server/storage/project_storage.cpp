// Final projects (issue 4): the rubric, projects and their versions, attachments, jurors,
// conflicts, reviews and recognitions.
#include <map>
#include <sstream>

#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

std::string join_numbers(const std::vector<int>& numbers) {
  std::string text;
  for (int number : numbers) text += (text.empty() ? "" : ",") + std::to_string(number);
  return text;
}

std::vector<int> split_numbers(const std::string& text) {
  std::vector<int> numbers;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, ','))
    if (!part.empty()) numbers.push_back(std::stoi(part));
  return numbers;
}

constexpr const char* project_columns =
    "SELECT p.id, p.team_id, t.name, COALESCE(t.subdivision_code, ''), COALESCE(s.name, ''), p.status, p.current_version, p.version, "
    "v.title, v.problem, v.objectives, v.target_population, v.human_rights, v.expected_results, v.gcm_objectives, v.submitted_at "
    "FROM project p JOIN team t ON t.id = p.team_id LEFT JOIN subdivision s ON s.code = t.subdivision_code "
    "JOIN project_version v ON v.project_id = p.id AND v.number = p.current_version ";

class SociProjectRepository final : public ProjectRepository {
 public:
  explicit SociProjectRepository(soci::session& sql) : m_sql(sql) {}

  RubricRecord rubric(Id programme_id) override {
    long long programme = programme_id, version = 1, id = 0;
    RubricRecord rubric;
    m_sql << "SELECT rubric_version FROM programme WHERE id = :p", use(programme), into(version);
    rubric.version = version;
    RubricCriterionRecord row;
    soci::statement criteria = (m_sql.prepare << "SELECT id, code, title_es, title_en, weight, scale_min, scale_max FROM rubric_criterion "
                                                 "WHERE programme_id = :p ORDER BY position",
                                into(id), into(row.code), into(row.title.es), into(row.title.en), into(row.weight), into(row.scale_min),
                                into(row.scale_max), use(programme));
    criteria.execute();
    std::map<Id, std::size_t> index;
    while (criteria.fetch()) {
      row.id = id;
      index[id] = rubric.criteria.size();
      rubric.criteria.push_back(row);
    }
    long long criterion = 0;
    RubricLevel level;
    soci::statement levels = (m_sql.prepare << "SELECT l.criterion_id, l.level, l.description_es, l.description_en FROM rubric_level l "
                                               "JOIN rubric_criterion c ON c.id = l.criterion_id WHERE c.programme_id = :p ORDER BY l.criterion_id, l.level",
                              into(criterion), into(level.level), into(level.description.es), into(level.description.en), use(programme));
    levels.execute();
    while (levels.fetch())
      if (auto found = index.find(criterion); found != index.end()) rubric.criteria[found->second].levels.push_back(level);
    return rubric;
  }

  void replace_rubric(Id programme_id, const std::vector<RubricCriterionRecord>& criteria) override {
    long long programme = programme_id;
    m_sql << "DELETE FROM rubric_criterion WHERE programme_id = :p", use(programme);
    for (std::size_t i = 0; i < criteria.size(); ++i) {
      const auto& criterion = criteria[i];
      long long id = 0;
      int position = static_cast<int>(i) + 1;
      m_sql << "INSERT INTO rubric_criterion (programme_id, position, code, title_es, title_en, weight, scale_min, scale_max) "
               "VALUES (:p, :pos, :c, :es, :en, :w, :min, :max) RETURNING id",
          use(programme), use(position), use(criterion.code), use(criterion.title.es), use(criterion.title.en), use(criterion.weight),
          use(criterion.scale_min), use(criterion.scale_max), into(id);
      for (const RubricLevel& level : criterion.levels)
        m_sql << "INSERT INTO rubric_level (criterion_id, level, description_es, description_en) VALUES (:c, :l, :es, :en)", use(id),
            use(level.level), use(level.description.es), use(level.description.en);
    }
    m_sql << "UPDATE programme SET rubric_version = rubric_version + 1 WHERE id = :p", use(programme);
  }

  ProjectSettings settings(Id programme_id) override {
    long long programme = programme_id;
    ProjectSettings settings;
    std::string deadline;
    m_sql << "SELECT COALESCE(project_deadline, ''), jurors_per_project, disagreement_threshold FROM programme WHERE id = :p", use(programme),
        into(deadline), into(settings.jurors_per_project), into(settings.disagreement_threshold);
    if (!deadline.empty()) settings.deadline = deadline;
    return settings;
  }

  void set_settings(Id programme_id, const ProjectSettings& settings) override {
    long long programme = programme_id;
    const std::string deadline = settings.deadline.value_or("");
    m_sql << "UPDATE programme SET project_deadline = NULLIF(:d, ''), jurors_per_project = :j, disagreement_threshold = :t, "
             "version = version + 1 WHERE id = :p",
        use(deadline), use(settings.jurors_per_project), use(settings.disagreement_threshold), use(programme);
  }

  std::vector<ProjectRecord> projects(Id programme_id) override {
    return select_projects(std::string(project_columns) + "WHERE t.programme_id = :x ORDER BY t.name, p.id", programme_id);
  }

  std::optional<ProjectRecord> project(Id programme_id, Id project_id) override {
    auto found = select_projects(std::string(project_columns) + "WHERE p.id = :x", project_id);
    if (found.empty()) return std::nullopt;
    long long programme = 0, team = found[0].team_id;
    m_sql << "SELECT programme_id FROM team WHERE id = :t", use(team), into(programme);
    if (programme != programme_id) return std::nullopt;
    return found[0];
  }

  std::optional<ProjectRecord> project_of_team(Id team_id) override {
    auto found = select_projects(std::string(project_columns) + "WHERE p.team_id = :x", team_id);
    if (found.empty()) return std::nullopt;
    return found[0];
  }

  std::vector<TeamMember> team_members(Id team_id) override {
    std::vector<TeamMember> members;
    for (auto& [team, member] : members_where("e.team_id = :x", team_id)) members.push_back(std::move(member));
    return members;
  }

  std::vector<std::pair<Id, TeamMember>> programme_team_members(Id programme_id) override {
    return members_where("e.programme_id = :x AND e.team_id IS NOT NULL", programme_id);
  }

  Id insert_project(Id team_id) override {
    long long team = team_id, id = 0;
    m_sql << "INSERT INTO project (team_id, status, current_version) VALUES (:t, 'submitted', 1) RETURNING id", use(team), into(id);
    return id;
  }

  void add_project_version(Id project_id, std::int64_t number, const ProjectContent& content, std::string_view at, std::optional<Id> by) override {
    long long project = project_id, version = number, user = by.value_or(0);
    const std::string objectives = join_numbers(content.gcm_objectives), when(at);
    m_sql << "INSERT INTO project_version (project_id, number, title, problem, objectives, target_population, human_rights, expected_results, "
             "gcm_objectives, submitted_at, submitted_by) VALUES (:p, :n, :t, :pr, :o, :tp, :hr, :er, :g, :at, NULLIF(:by, 0))",
        use(project), use(version), use(content.title), use(content.problem), use(content.objectives), use(content.target_population),
        use(content.human_rights), use(content.expected_results), use(objectives), use(when), use(user);
  }

  bool set_project_state(Id project_id, std::int64_t current_version, ProjectStatus status, std::int64_t expected_version) override {
    long long project = project_id, current = current_version, expected = expected_version;
    const std::string state(to_string(status));
    soci::statement update = (m_sql.prepare << "UPDATE project SET current_version = :c, status = :s, version = version + 1 "
                                               "WHERE id = :p AND version = :v",
                              use(current), use(state), use(project), use(expected));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  std::vector<ProjectVersionSummary> project_versions(Id project_id) override {
    long long project = project_id, number = 0;
    ProjectVersionSummary row;
    std::vector<ProjectVersionSummary> found;
    soci::statement statement = (m_sql.prepare << "SELECT number, title, submitted_at FROM project_version WHERE project_id = :p ORDER BY number",
                                 into(number), into(row.title), into(row.submitted_at), use(project));
    statement.execute();
    while (statement.fetch()) {
      row.number = number;
      found.push_back(row);
    }
    return found;
  }

  Id insert_attachment(Id project_id, std::int64_t version_number, const AttachmentRecord& attachment) override {
    long long project = project_id, version = version_number, size = attachment.size_bytes, id = 0;
    m_sql << "INSERT INTO project_attachment (project_id, version_number, file_name, size_bytes, sha256, content_base64) "
             "VALUES (:p, :v, :f, :s, :h, '') RETURNING id",
        use(project), use(version), use(attachment.file_name), use(size), use(attachment.sha256), into(id);
    return id;
  }

  std::vector<AttachmentRecord> attachments(Id project_id, std::int64_t version_number) override {
    long long project = project_id, version = version_number, id = 0, size = 0;
    AttachmentRecord row;
    std::vector<AttachmentRecord> found;
    soci::statement statement = (m_sql.prepare << "SELECT id, file_name, size_bytes, sha256 FROM project_attachment "
                                                  "WHERE project_id = :p AND version_number = :v ORDER BY id",
                                 into(id), into(row.file_name), into(size), into(row.sha256), use(project), use(version));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      row.size_bytes = size;
      row.version_number = version_number;
      found.push_back(row);
    }
    return found;
  }

  std::optional<std::string> attachment_digest(Id project_id, Id attachment_id) override {
    long long project = project_id, attachment = attachment_id;
    std::string content;
    soci::indicator indicator = soci::i_null;
    m_sql << "SELECT sha256 FROM project_attachment WHERE id = :a AND project_id = :p", use(attachment), use(project), into(content, indicator);
    if (!m_sql.got_data()) return std::nullopt;
    return content;
  }

 private:
  std::vector<ProjectRecord> select_projects(const std::string& sql, Id key) {
    long long id = 0, team = 0, current = 0, version = 0, key_value = key;
    ProjectRecord row;
    std::string objectives, status;
    std::vector<ProjectRecord> found;
    soci::statement statement =
        (m_sql.prepare << sql, into(id), into(team), into(row.team_name), into(row.region_code), into(row.region_name), into(status),
         into(current), into(version), into(row.content.title), into(row.content.problem), into(row.content.objectives),
         into(row.content.target_population), into(row.content.human_rights), into(row.content.expected_results), into(objectives),
         into(row.submitted_at), use(key_value));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      row.team_id = team;
      row.current_version = current;
      row.version = version;
      row.content.gcm_objectives = split_numbers(objectives);
      // The column's CHECK allows these two only.
      row.status = parse_project_status(status).value_or(ProjectStatus::submitted);
      found.push_back(row);
    }
    return found;
  }

  std::vector<std::pair<Id, TeamMember>> members_where(const std::string& condition, Id key) {
    long long team = 0, enrollment = 0, institution = 0, key_value = key;
    TeamMember row;
    std::string status;
    std::vector<std::pair<Id, TeamMember>> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT e.team_id, e.id, COALESCE(LOWER(p.email), ''), COALESCE(p.institution_id, 0), e.status FROM enrollment e "
                          "JOIN person p ON p.id = e.person_id WHERE " +
                              condition + " ORDER BY e.team_id, e.id",
         into(team), into(enrollment), into(row.email), into(institution), into(status), use(key_value));
    statement.execute();
    while (statement.fetch()) {
      row.enrollment_id = enrollment;
      row.institution_id = institution ? std::optional<Id>(institution) : std::nullopt;
      // The column's CHECK allows the four statuses only.
      row.status = parse_enrollment_status(status).value_or(EnrollmentStatus::enrolled);
      found.emplace_back(team, row);
    }
    return found;
  }

  soci::session& m_sql;
};

class SociJuryRepository final : public JuryRepository {
 public:
  explicit SociJuryRepository(soci::session& sql) : m_sql(sql) {}

  std::vector<JurorRecord> jurors(Id programme_id) override {
    long long programme = programme_id, user = 0, institution = 0;
    JurorRecord row;
    std::vector<JurorRecord> found;
    std::map<Id, std::size_t> index;
    soci::statement statement =
        (m_sql.prepare << "SELECT u.id, u.email, u.display_name, COALESCE(j.institution_id, 0), COALESCE(NULLIF(i.acronym, ''), i.name_es, '') "
                          "FROM juror j JOIN app_user u ON u.id = j.user_id LEFT JOIN institution i ON i.id = j.institution_id "
                          "WHERE j.programme_id = :p ORDER BY u.display_name, u.id",
         into(user), into(row.email), into(row.display_name), into(institution), into(row.institution_acronym), use(programme));
    statement.execute();
    while (statement.fetch()) {
      row.user_id = user;
      row.institution_id = institution ? std::optional<Id>(institution) : std::nullopt;
      index[user] = found.size();
      found.push_back(row);
    }
    long long team = 0;
    soci::statement conflicts = (m_sql.prepare << "SELECT user_id, COALESCE(team_id, 0), COALESCE(institution_id, 0) FROM juror_conflict "
                                                  "WHERE programme_id = :p ORDER BY id",
                                 into(user), into(team), into(institution), use(programme));
    conflicts.execute();
    while (conflicts.fetch()) {
      auto at = index.find(user);
      if (at == index.end()) continue;
      if (team) found[at->second].declared_teams.push_back(team);
      if (institution) found[at->second].declared_institutions.push_back(institution);
    }
    return found;
  }

  void upsert_juror(Id programme_id, Id user_id, std::optional<Id> institution_id) override {
    long long programme = programme_id, user = user_id, institution = institution_id.value_or(0);
    m_sql << "DELETE FROM juror WHERE programme_id = :p AND user_id = :u", use(programme), use(user);
    m_sql << "INSERT INTO juror (programme_id, user_id, institution_id) VALUES (:p, :u, NULLIF(:i, 0))", use(programme), use(user), use(institution);
  }

  Id insert_conflict(Id programme_id, Id user_id, std::optional<Id> team_id, std::optional<Id> institution_id, std::string_view reason) override {
    long long programme = programme_id, user = user_id, team = team_id.value_or(0), institution = institution_id.value_or(0), id = 0;
    const std::string why(reason);
    m_sql << "INSERT INTO juror_conflict (programme_id, user_id, team_id, institution_id, reason) VALUES (:p, :u, NULLIF(:t, 0), NULLIF(:i, 0), :r) "
             "RETURNING id",
        use(programme), use(user), use(team), use(institution), use(why), into(id);
    return id;
  }

  std::vector<ReviewRecord> reviews(Id programme_id) override {
    return select_reviews("JOIN project p ON p.id = r.project_id JOIN team t ON t.id = p.team_id WHERE t.programme_id = :a AND 0 = :b",
                          programme_id, 0);
  }

  std::optional<ReviewRecord> review(Id project_id, Id user_id) override {
    auto found = select_reviews("WHERE r.project_id = :a AND r.user_id = :b", project_id, user_id);
    if (found.empty()) return std::nullopt;
    return found[0];
  }

  void insert_review(Id project_id, Id user_id, std::string_view assigned_at) override {
    long long project = project_id, user = user_id;
    const std::string at(assigned_at);
    m_sql << "INSERT INTO review (project_id, user_id, assigned_at) VALUES (:p, :u, :at)", use(project), use(user), use(at);
  }

  std::int64_t remove_unsubmitted_review(Id project_id, Id user_id) override {
    long long project = project_id, user = user_id;
    soci::statement remove = (m_sql.prepare << "DELETE FROM review WHERE project_id = :p AND user_id = :u AND submitted_at IS NULL", use(project),
                              use(user));
    remove.execute(true);
    return remove.get_affected_rows();
  }

  std::vector<ReviewScoreRecord> submitted_scores(Id programme_id) override {
    return select_scores("JOIN review r ON r.project_id = s.project_id AND r.user_id = s.user_id JOIN project p ON p.id = s.project_id "
                         "JOIN team t ON t.id = p.team_id WHERE t.programme_id = :a AND r.submitted_at IS NOT NULL AND 0 = :b",
                         programme_id, 0);
  }

  std::vector<ReviewScoreRecord> scores_of(Id project_id, Id user_id) override {
    return select_scores("WHERE s.project_id = :a AND s.user_id = :b", project_id, user_id);
  }

  std::int64_t submitted_count(Id programme_id) override {
    long long programme = programme_id, count = 0;
    m_sql << "SELECT COUNT(*) FROM review r JOIN project p ON p.id = r.project_id JOIN team t ON t.id = p.team_id "
             "WHERE t.programme_id = :p AND r.submitted_at IS NOT NULL",
        use(programme), into(count);
    return count;
  }

  bool submit_review(Id project_id, Id user_id, const std::vector<ReviewScoreRecord>& scores, std::string_view at,
                     std::int64_t expected_version) override {
    long long project = project_id, user = user_id, version = expected_version;
    const std::string when(at);
    soci::statement update = (m_sql.prepare << "UPDATE review SET submitted_at = :at, version = version + 1 "
                                               "WHERE project_id = :p AND user_id = :u AND version = :v",
                              use(when), use(project), use(user), use(version));
    update.execute(true);
    if (update.get_affected_rows() != 1) return false;
    m_sql << "DELETE FROM review_score WHERE project_id = :p AND user_id = :u", use(project), use(user);
    for (const ReviewScoreRecord& score : scores) {
      long long criterion = score.criterion_id;
      m_sql << "INSERT INTO review_score (project_id, user_id, criterion_id, level, comment) VALUES (:p, :u, :c, :l, :m)", use(project), use(user),
          use(criterion), use(score.level), use(score.comment);
    }
    return true;
  }

  std::optional<RecognitionRecord> best_project(Id programme_id) override {
    long long programme = programme_id, id = 0, project = 0;
    RecognitionRecord row;
    m_sql << "SELECT id, kind, COALESCE(project_id, 0), confirmed_at FROM recognition WHERE programme_id = :p AND kind = 'best_project_national'",
        use(programme), into(id), into(row.kind), into(project), into(row.confirmed_at);
    if (!m_sql.got_data()) return std::nullopt;
    row.id = id;
    row.project_id = project ? std::optional<Id>(project) : std::nullopt;
    return row;
  }

  void set_best_project(Id programme_id, Id project_id, Id by, std::string_view at) override {
    long long programme = programme_id, project = project_id, user = by;
    const std::string when(at);
    m_sql << "DELETE FROM recognition WHERE programme_id = :p AND kind = 'best_project_national'", use(programme);
    m_sql << "INSERT INTO recognition (programme_id, kind, project_id, confirmed_by, confirmed_at) VALUES (:p, 'best_project_national', :j, :u, :at)",
        use(programme), use(project), use(user), use(when);
  }

 private:
  std::vector<ReviewRecord> select_reviews(const std::string& condition, Id a, Id b) {
    long long project = 0, user = 0, version = 0, first = a, second = b;
    std::string assigned, submitted;
    std::vector<ReviewRecord> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT r.project_id, r.user_id, r.assigned_at, COALESCE(r.submitted_at, ''), r.version FROM review r " + condition +
                              " ORDER BY r.project_id, r.user_id",
         into(project), into(user), into(assigned), into(submitted), into(version), use(first), use(second));
    statement.execute();
    while (statement.fetch())
      found.push_back({project, user, assigned, submitted.empty() ? std::nullopt : std::optional<std::string>(submitted), version});
    return found;
  }

  std::vector<ReviewScoreRecord> select_scores(const std::string& condition, Id a, Id b) {
    long long project = 0, user = 0, criterion = 0, first = a, second = b;
    ReviewScoreRecord row;
    std::vector<ReviewScoreRecord> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT s.project_id, s.user_id, s.criterion_id, s.level, s.comment FROM review_score s " + condition +
                              " ORDER BY s.project_id, s.user_id, s.criterion_id",
         into(project), into(user), into(criterion), into(row.level), into(row.comment), use(first), use(second));
    statement.execute();
    while (statement.fetch()) {
      row.project_id = project;
      row.user_id = user;
      row.criterion_id = criterion;
      found.push_back(row);
    }
    return found;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ProjectRepository> make_project_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociProjectRepository>(sql);
}

std::unique_ptr<JuryRepository> make_jury_repository(soci::session& sql, PreparedQueries&) { return std::make_unique<SociJuryRepository>(sql); }

}  // namespace diplomado::storage
