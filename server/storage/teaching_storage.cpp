#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <limits>
#include <unordered_map>

#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <memory>

#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

struct InsertGrade {
  long long enrollment = 0, assessment = 0, by = 0;
  double score = 0;
  std::string at;
  soci::statement statement;
  explicit InsertGrade(soci::session& sql)
      : statement((sql.prepare << "INSERT INTO grade (enrollment_id, assessment_id, score, updated_at, updated_by) "
                                  "VALUES (:e, :a, :s, :at, NULLIF(:by, 0))",
                   use(enrollment), use(assessment), use(score), use(at), use(by))) {}
};

struct InsertAttendance {
  long long session = 0, enrollment = 0;
  std::string mark;
  soci::statement statement;
  explicit InsertAttendance(soci::session& sql)
      : statement((sql.prepare << "INSERT INTO attendance (session_id, enrollment_id, mark) VALUES (:s, :e, :m)", use(session), use(enrollment),
                   use(mark))) {}
};

// Rows come in slices of this many: SOCI's bulk fetch, far cheaper per row than one at a time.
constexpr std::size_t fetch_rows = 4096;

// Row ids to positions. Ids made by one programme are usually close together, so a plain
// vector serves; scattered ids fall back to a hash map.
class PositionOf {
 public:
  void add(Id id, std::size_t position) { m_pairs.emplace_back(id, position); }
  void seal() {
    if (m_pairs.empty()) return;
    auto [low, high] = std::ranges::minmax(m_pairs, {}, &std::pair<Id, std::size_t>::first);
    m_low = low.first;
    const auto span = static_cast<std::size_t>(high.first - low.first) + 1;
    if (span <= 4 * m_pairs.size() + 64) {
      m_dense.assign(span, missing);
      for (const auto& [id, position] : m_pairs) m_dense[static_cast<std::size_t>(id - m_low)] = position;
    } else {
      for (const auto& [id, position] : m_pairs) m_sparse.emplace(id, position);
    }
  }
  std::size_t at(Id id) const {
    if (!m_dense.empty()) {
      const auto offset = static_cast<std::size_t>(id - m_low);
      if (id >= m_low && offset < m_dense.size() && m_dense[offset] != missing) return m_dense[offset];
      throw std::out_of_range("id outside the gradebook");
    }
    return m_sparse.at(id);
  }

 private:
  static constexpr std::size_t missing = static_cast<std::size_t>(-1);
  std::vector<std::pair<Id, std::size_t>> m_pairs;
  Id m_low = 0;
  std::vector<std::size_t> m_dense;
  std::unordered_map<Id, std::size_t> m_sparse;
};

class SociTeachingRepository final : public TeachingRepository {
 public:
  SociTeachingRepository(soci::session& sql, PreparedQueries& queries) : m_sql(sql), m_queries(queries) {}

  Id insert_session(Id module_id, const SessionSeed& session) override {
    long long module = module_id, id = 0;
    m_sql << "INSERT INTO session (module_id, title_es, title_en, starts_at, ends_at, place) VALUES (:m, :es, :en, :s, :e, :p) RETURNING id",
        use(module), use(session.title.es), use(session.title.en), use(session.starts_at), use(session.ends_at), use(session.place), into(id);
    return id;
  }

  void set_session_link(Id session_id, std::string_view online_link) override {
    long long id = session_id;
    const std::string link(online_link);
    m_sql << "UPDATE session SET online_link = :l WHERE id = :id", use(link), use(id);
  }

  void set_grading_policy(Id programme_id, const GradingPolicy& policy) override {
    write_grading_policy(m_sql, programme_id, policy);
    long long id = programme_id;
    m_sql << "UPDATE programme SET version = version + 1 WHERE id = :id", use(id);
  }

  Id insert_assessment(Id programme_id, std::optional<Id> module_id, const AssessmentSeed& assessment) override {
    long long programme = programme_id, module = module_id.value_or(0), id = 0;
    m_sql << "INSERT INTO assessment (programme_id, module_id, code, kind, title_es, title_en, max_score, weight, due_date) "
             "VALUES (:p, NULLIF(:m, 0), :c, :k, :es, :en, :max, :w, NULLIF(:d, '')) RETURNING id",
        use(programme), use(module), use(assessment.code), use(assessment.kind), use(assessment.title.es), use(assessment.title.en),
        use(assessment.max_score), use(assessment.weight), use(assessment.due_date), into(id);
    return id;
  }

  void insert_grade(Id enrollment_id, Id assessment_id, double score, std::string_view at, std::optional<Id> by) override {
    auto& query = m_queries.get<InsertGrade>(m_sql);
    query.enrollment = enrollment_id;
    query.assessment = assessment_id;
    query.score = score;
    query.at = at;
    query.by = by.value_or(0);
    query.statement.execute(true);
  }

  void insert_attendance(Id session_id, Id enrollment_id, Attendance mark) override {
    auto& query = m_queries.get<InsertAttendance>(m_sql);
    query.session = session_id;
    query.enrollment = enrollment_id;
    query.mark = std::string(to_string(mark));
    query.statement.execute(true);
  }

  GradebookData load_gradebook(Id programme_id) override {
    GradebookData data;
    long long programme = programme_id;
    auto& input = data.input;
    input.policy = read_grading_policy(m_sql, programme_id);
    std::unordered_map<Id, std::size_t> module_index;
    PositionOf assessment_index, session_index, enrollment_index;
    {
      long long id = 0;
      double weight = 0, pass_mark = 0;
      LocalizedText title;
      soci::statement statement = (m_sql.prepare << "SELECT id, weight, pass_mark, title_es, title_en FROM module WHERE programme_id = :p ORDER BY position",
                                   into(id), into(weight), into(pass_mark), into(title.es), into(title.en), use(programme));
      statement.execute();
      while (statement.fetch()) {
        module_index[id] = data.module_ids.size();
        data.module_ids.push_back(id);
        data.module_titles.push_back(title);
        // A module's own pass mark, when set, is its own; zero means the programme's.
        input.modules.push_back({weight, pass_mark > 0 ? std::optional<double>(pass_mark) : std::nullopt});
      }
    }
    {
      long long id = 0, module = 0;
      std::string kind, code;
      double max_score = 0, weight = 0;
      soci::statement statement =
          (m_sql.prepare << "SELECT a.id, COALESCE(a.module_id, 0), a.kind, a.code, a.max_score, a.weight FROM assessment a "
                            "LEFT JOIN module m ON m.id = a.module_id WHERE a.programme_id = :p ORDER BY COALESCE(m.position, 0), a.id",
           into(id), into(module), into(kind), into(code), into(max_score), into(weight), use(programme));
      statement.execute();
      while (statement.fetch()) {
        assessment_index.add(id, data.assessment_ids.size());
        data.assessment_ids.push_back(id);
        data.assessment_codes.push_back(code);
        std::optional<std::size_t> module_position;
        if (module) module_position = module_index.at(module);
        input.assessments.push_back({module_position, parse_assessment_kind(kind).value_or(AssessmentKind::quiz), max_score, weight});
      }
    }
    {
      long long id = 0, module = 0;
      soci::statement statement = (m_sql.prepare << "SELECT s.id, s.module_id FROM session s JOIN module m ON m.id = s.module_id "
                                                    "WHERE m.programme_id = :p ORDER BY s.starts_at, s.id",
                                   into(id), into(module), use(programme));
      statement.execute();
      while (statement.fetch()) {
        session_index.add(id, data.session_ids.size());
        data.session_ids.push_back(id);
        input.session_modules.push_back(module_index.at(module));
      }
    }
    {
      GradebookEnrollment row;
      std::string status;
      long long id = 0, person = 0, team = 0;
      soci::statement statement =
          (m_sql.prepare << "SELECT e.id, p.id, p.given_names, p.family_names, COALESCE(p.email, ''), e.status, COALESCE(e.team_id, 0), COALESCE(t.name, ''), "
                            "COALESCE(NULLIF(i.acronym, ''), i.name_es, '') "
                            "FROM enrollment e JOIN person p ON p.id = e.person_id LEFT JOIN team t ON t.id = e.team_id "
                            "LEFT JOIN institution i ON i.id = p.institution_id "
                            "WHERE e.programme_id = :p ORDER BY p.sort_name, e.id",
           into(id), into(person), into(row.given_names), into(row.family_names), into(row.email), into(status), into(team), into(row.team_name), into(row.institution),
           use(programme));
      statement.execute();
      while (statement.fetch()) {
        row.enrollment_id = id;
        row.person_id = person;
        row.status = parse_enrollment_status(status).value_or(EnrollmentStatus::enrolled);
        row.team_id = team ? std::optional<Id>(team) : std::nullopt;
        enrollment_index.add(id, data.enrollments.size());
        data.enrollments.push_back(row);
      }
    }
    assessment_index.seal();
    session_index.seal();
    enrollment_index.seal();
    input.enrollments = data.enrollments.size();
    const auto assessment_count = input.assessments.size();
    const auto session_count = input.session_modules.size();
    input.scores.assign(input.enrollments * assessment_count, std::numeric_limits<float>::quiet_NaN());
    input.attendance.assign(input.enrollments * session_count, Attendance::unrecorded);
    const std::string grades_sql =
        "SELECT g.enrollment_id, g.assessment_id, g.score FROM assessment a JOIN grade g ON g.assessment_id = a.id WHERE a.programme_id = :p";
    // The mark as the number of its Attendance value, so no text is made per row.
    static_assert(static_cast<int>(Attendance::present) == 1 && static_cast<int>(Attendance::absent) == 4);
    const std::string attendance_sql =
        "SELECT t.enrollment_id, t.session_id, CASE t.mark WHEN 'present' THEN 1 WHEN 'late' THEN 2 WHEN 'excused' THEN 3 ELSE 4 END "
        "FROM module m JOIN session s ON s.module_id = m.id JOIN attendance t ON t.session_id = s.id WHERE m.programme_id = :p";
    auto put_grade = [&](Id enrollment, Id assessment, double score) {
      input.scores[enrollment_index.at(enrollment) * assessment_count + assessment_index.at(assessment)] = static_cast<float>(score);
    };
    auto put_mark = [&](Id enrollment, Id session, double mark) {
      input.attendance[enrollment_index.at(enrollment) * session_count + session_index.at(session)] = static_cast<Attendance>(static_cast<int>(mark));
    };
    // Grades are clustered by assessment and attendance by session (SQLite: WITHOUT ROWID), so
    // both reads are a few range scans. Millions of rows: SQLite is read through its own API,
    // which costs half what SOCI's conversions do; PostgreSQL through SOCI's bulk fetch.
    if (m_sql.get_backend_name() == "sqlite3") {
      for_each_sqlite_row(grades_sql, programme, put_grade);
      for_each_sqlite_row(attendance_sql, programme, put_mark);
    } else {
      for_each_soci_row(grades_sql, programme, put_grade);
      for_each_soci_row(attendance_sql, programme, put_mark);
    }
    return data;
  }

  std::optional<AssessmentRow> find_assessment(Id programme_id, Id assessment_id) override {
    long long programme = programme_id, id = assessment_id;
    AssessmentRow row;
    long long module = 0;
    m_sql << "SELECT code, max_score, COALESCE(module_id, 0) FROM assessment WHERE id = :id AND programme_id = :p", into(row.code), into(row.max_score),
        into(module), use(id), use(programme);
    if (!m_sql.got_data()) return std::nullopt;
    row.id = assessment_id;
    if (module) row.module_id = module;
    return row;
  }

  std::optional<GradeRow> find_grade(Id enrollment_id, Id assessment_id) override {
    long long enrollment = enrollment_id, assessment = assessment_id, version = 0;
    GradeRow row;
    m_sql << "SELECT score, version FROM grade WHERE assessment_id = :a AND enrollment_id = :e", into(row.score), into(version), use(assessment),
        use(enrollment);
    if (!m_sql.got_data()) return std::nullopt;
    row.version = version;
    return row;
  }

  bool save_grade(Id enrollment_id, Id assessment_id, double score, std::optional<std::int64_t> expected_version, std::string_view at,
                  Id by) override {
    long long enrollment = enrollment_id, assessment = assessment_id, author = by;
    const std::string when(at);
    if (!expected_version) {
      m_sql << "INSERT INTO grade (enrollment_id, assessment_id, score, updated_at, updated_by) VALUES (:e, :a, :s, :at, :by)", use(enrollment),
          use(assessment), use(score), use(when), use(author);
      return true;
    }
    long long version = *expected_version;
    soci::statement statement = (m_sql.prepare << "UPDATE grade SET score = :s, updated_at = :at, updated_by = :by, version = version + 1 "
                                                  "WHERE assessment_id = :a AND enrollment_id = :e AND version = :v",
                                 use(score), use(when), use(author), use(assessment), use(enrollment), use(version));
    statement.execute(true);
    return statement.get_affected_rows() == 1;
  }

  bool session_in_programme(Id programme_id, Id session_id) override {
    long long programme = programme_id, session = session_id, found = 0;
    m_sql << "SELECT COUNT(*) FROM session s JOIN module m ON m.id = s.module_id WHERE s.id = :s AND m.programme_id = :p", into(found), use(session),
        use(programme);
    return found > 0;
  }

  void save_attendance(Id session_id, Id enrollment_id, Attendance mark) override {
    long long session = session_id, enrollment = enrollment_id;
    const std::string text(to_string(mark));
    soci::statement update = (m_sql.prepare << "UPDATE attendance SET mark = :m, version = version + 1 WHERE session_id = :s AND enrollment_id = :e",
                              use(text), use(session), use(enrollment));
    update.execute(true);
    if (update.get_affected_rows() == 0)
      m_sql << "INSERT INTO attendance (session_id, enrollment_id, mark) VALUES (:s, :e, :m)", use(session), use(enrollment), use(text);
  }

  std::vector<GradeVersion> grade_versions(Id programme_id, Id module_id) override {
    std::vector<GradeVersion> found;
    const std::string query = "SELECT g.enrollment_id, g.assessment_id, g.version FROM assessment a JOIN grade g ON g.assessment_id = a.id "
                              "WHERE a.programme_id = :p AND a.module_id = " + std::to_string(module_id);
    auto add = [&](Id enrollment, Id assessment, double version) { found.push_back({enrollment, assessment, static_cast<std::int64_t>(version)}); };
    if (m_sql.get_backend_name() == "sqlite3") for_each_sqlite_row(query, programme_id, add);
    else for_each_soci_row(query, programme_id, add);
    return found;
  }

  std::vector<GradeScore> grade_scores(Id programme_id) override {
    std::vector<GradeScore> found;
    const std::string query = "SELECT g.enrollment_id, g.assessment_id, g.score FROM assessment a JOIN grade g ON g.assessment_id = a.id "
                              "WHERE a.programme_id = :p ORDER BY g.enrollment_id, g.assessment_id";
    auto add = [&](Id enrollment, Id assessment, double score) { found.push_back({enrollment, assessment, score}); };
    if (m_sql.get_backend_name() == "sqlite3") for_each_sqlite_row(query, programme_id, add);
    else for_each_soci_row(query, programme_id, add);
    return found;
  }

  std::vector<SessionRecord> sessions(Id programme_id) override {
    long long programme = programme_id, id = 0, module = 0, version = 0, marks = 0, attended = 0;
    SessionRecord row;
    std::vector<SessionRecord> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT s.id, s.module_id, s.title_es, s.title_en, s.starts_at, s.ends_at, s.place, s.online_link, s.version, "
                          "(SELECT COUNT(*) FROM attendance t WHERE t.session_id = s.id), "
                          "(SELECT COUNT(*) FROM attendance t WHERE t.session_id = s.id AND t.mark IN ('present', 'late')) FROM session s "
                          "JOIN module m ON m.id = s.module_id WHERE m.programme_id = :p ORDER BY s.starts_at, s.id",
         into(id), into(module), into(row.title.es), into(row.title.en), into(row.starts_at), into(row.ends_at), into(row.place),
         into(row.online_link), into(version), into(marks), into(attended), use(programme));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      row.module_id = module;
      row.version = version;
      row.marks = marks;
      row.attended = attended;
      found.push_back(row);
    }
    return found;
  }

  bool update_session(Id session_id, Id module_id, const SessionSeed& session, std::string_view online_link, std::int64_t expected_version) override {
    long long id = session_id, module = module_id, version = expected_version;
    const std::string link(online_link);
    soci::statement update =
        (m_sql.prepare << "UPDATE session SET module_id = :m, title_es = :es, title_en = :en, starts_at = :s, ends_at = :e, place = :p, "
                          "online_link = :l, version = version + 1 WHERE id = :id AND version = :v",
         use(module), use(session.title.es), use(session.title.en), use(session.starts_at), use(session.ends_at), use(session.place), use(link), use(id),
         use(version));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  void delete_session(Id session_id) override {
    long long id = session_id;
    m_sql << "DELETE FROM session WHERE id = :id", use(id);
  }

  std::vector<AssessmentDetail> assessments(Id programme_id) override {
    long long programme = programme_id, id = 0, version = 0, grades = 0;
    int module = 0;
    double highest = 0;
    soci::indicator highest_indicator = soci::i_null;
    AssessmentDetail row;
    std::vector<AssessmentDetail> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT a.id, COALESCE(m.position, 0), a.code, a.kind, a.title_es, a.title_en, a.max_score, a.weight, COALESCE(a.due_date, ''), "
                          "a.version, (SELECT COUNT(*) FROM grade g WHERE g.assessment_id = a.id), (SELECT MAX(g.score) FROM grade g WHERE g.assessment_id = a.id) "
                          "FROM assessment a LEFT JOIN module m ON m.id = a.module_id WHERE a.programme_id = :p ORDER BY COALESCE(m.position, 0), a.id",
         into(id), into(module), into(row.seed.code), into(row.seed.kind), into(row.seed.title.es), into(row.seed.title.en), into(row.seed.max_score),
         into(row.seed.weight), into(row.seed.due_date), into(version), into(grades), into(highest, highest_indicator), use(programme));
    statement.execute();
    while (statement.fetch()) {
      row.id = id;
      row.module = module ? std::optional<int>(module) : std::nullopt;
      row.seed.module = row.module;
      row.version = version;
      row.grades = grades;
      row.highest_grade = highest_indicator == soci::i_ok ? std::optional<double>(highest) : std::nullopt;
      found.push_back(row);
    }
    return found;
  }

  std::vector<InstructorRecord> instructors(Id programme_id) override {
    long long programme = programme_id, user = 0;
    InstructorRecord row;
    std::vector<InstructorRecord> found;
    soci::statement statement = (m_sql.prepare << "SELECT DISTINCT u.id, u.email, u.display_name FROM app_user u JOIN role_grant g ON g.user_id = u.id "
                                                  "WHERE g.role = 'instructor' AND g.programme_id = :p ORDER BY u.display_name, u.id",
                                 into(user), into(row.email), into(row.display_name), use(programme));
    statement.execute();
    while (statement.fetch()) {
      row.user_id = user;
      found.push_back(row);
    }
    for (auto& instructor : found) instructor.module_ids = modules_of_instructor(programme_id, instructor.user_id);
    return found;
  }

  std::vector<Id> modules_of_instructor(Id programme_id, Id user_id) override {
    long long programme = programme_id, user = user_id, module = 0;
    std::vector<Id> found;
    soci::statement statement = (m_sql.prepare << "SELECT i.module_id FROM module_instructor i JOIN module m ON m.id = i.module_id "
                                                  "WHERE m.programme_id = :p AND i.user_id = :u ORDER BY m.position",
                                 into(module), use(programme), use(user));
    statement.execute();
    while (statement.fetch()) found.push_back(module);
    return found;
  }

  void set_instructor_modules(Id programme_id, Id user_id, const std::vector<Id>& module_ids) override {
    long long programme = programme_id, user = user_id;
    m_sql << "DELETE FROM module_instructor WHERE user_id = :u AND module_id IN (SELECT id FROM module WHERE programme_id = :p)", use(user), use(programme);
    for (Id module_id : module_ids) {
      long long module = module_id;
      m_sql << "INSERT INTO module_instructor (module_id, user_id) VALUES (:m, :u)", use(module), use(user);
    }
  }

  bool update_assessment(Id assessment_id, std::optional<Id> module_id, const AssessmentSeed& assessment, std::int64_t expected_version) override {
    long long id = assessment_id, module = module_id.value_or(0), version = expected_version;
    soci::statement update =
        (m_sql.prepare << "UPDATE assessment SET module_id = NULLIF(:m, 0), code = :c, kind = :k, title_es = :es, title_en = :en, max_score = :max, "
                          "weight = :w, due_date = NULLIF(:d, ''), version = version + 1 WHERE id = :id AND version = :v",
         use(module), use(assessment.code), use(assessment.kind), use(assessment.title.es), use(assessment.title.en), use(assessment.max_score),
         use(assessment.weight), use(assessment.due_date), use(id), use(version));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  void delete_assessment(Id assessment_id) override {
    long long id = assessment_id;
    m_sql << "DELETE FROM assessment WHERE id = :id", use(id);
  }

  std::vector<std::pair<Id, Attendance>> attendance_of(Id session_id) override {
    long long session = session_id, enrollment = 0;
    std::string mark;
    std::vector<std::pair<Id, Attendance>> found;
    soci::statement statement =
        (m_sql.prepare << "SELECT enrollment_id, mark FROM attendance WHERE session_id = :s", into(enrollment), into(mark), use(session));
    statement.execute();
    while (statement.fetch()) found.emplace_back(enrollment, parse_attendance(mark).value_or(Attendance::unrecorded));
    return found;
  }

 private:
  // Rows of (id, id, number) for one programme.
  template <class Visit>
  void for_each_sqlite_row(const std::string& query, long long programme, Visit visit) {
    auto* connection = static_cast<soci::sqlite3_session_backend*>(m_sql.get_backend())->conn_;
    std::string text = query;
    text.replace(text.find(":p"), 2, "?1");
    using sqlite_api::sqlite3_stmt;  // SOCI's header declares SQLite's API in this namespace
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, text.c_str(), -1, &statement, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(connection));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite_api::sqlite3_finalize)> owned(statement, sqlite_api::sqlite3_finalize);
    sqlite3_bind_int64(statement, 1, programme);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW)
      visit(sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1), sqlite3_column_double(statement, 2));
    if (step != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(connection));
  }

  template <class Visit>
  void for_each_soci_row(const std::string& query, long long programme, Visit visit) {
    std::vector<long long> first(fetch_rows), second(fetch_rows);
    std::vector<double> third(fetch_rows);
    soci::statement statement = (m_sql.prepare << query, into(first), into(second), into(third), use(programme));
    statement.execute();
    while (statement.fetch()) {
      for (std::size_t i = 0; i < first.size(); ++i) visit(first[i], second[i], third[i]);
      first.resize(fetch_rows), second.resize(fetch_rows), third.resize(fetch_rows);
    }
  }

  soci::session& m_sql;
  PreparedQueries& m_queries;
};

}  // namespace

std::unique_ptr<TeachingRepository> make_teaching_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociTeachingRepository>(sql, queries);
}

// An optional percentage is a NULL column when it is not asked for.
void write_grading_policy(soci::session& sql, Id programme_id, const GradingPolicy& policy) {
  long long id = programme_id;
  const std::string missing(to_string(policy.missing_grade)), excused(to_string(policy.excused));
  const double module_attendance = policy.module_attendance_threshold.value_or(0), final_grade = policy.minimum_final_grade.value_or(0);
  soci::indicator module_attendance_set = policy.module_attendance_threshold ? soci::i_ok : soci::i_null;
  soci::indicator final_grade_set = policy.minimum_final_grade ? soci::i_ok : soci::i_null;
  const int all_modules = policy.require_all_modules ? 1 : 0, project = policy.require_project ? 1 : 0;
  sql << "UPDATE programme SET module_pass_mark = :pm, missing_grade = :mg, rounding_decimals = :rd, attendance_threshold = :at, "
         "excused_absence = :ex, module_attendance_threshold = :ma, minimum_final_grade = :fg, require_all_modules = :am, "
         "require_project = :rp WHERE id = :id",
      use(policy.module_pass_mark), use(missing), use(policy.rounding_decimals), use(policy.attendance_threshold), use(excused),
      use(module_attendance, module_attendance_set), use(final_grade, final_grade_set), use(all_modules), use(project), use(id);
}

GradingPolicy read_grading_policy(soci::session& sql, Id programme_id) {
  long long id = programme_id;
  GradingPolicy policy;
  std::string missing, excused;
  double module_attendance = 0, final_grade = 0;
  soci::indicator module_attendance_set = soci::i_null, final_grade_set = soci::i_null;
  int all_modules = 1, project = 1;
  sql << "SELECT module_pass_mark, missing_grade, rounding_decimals, attendance_threshold, excused_absence, module_attendance_threshold, "
         "minimum_final_grade, require_all_modules, require_project FROM programme WHERE id = :id",
      into(policy.module_pass_mark), into(missing), into(policy.rounding_decimals), into(policy.attendance_threshold), into(excused),
      into(module_attendance, module_attendance_set), into(final_grade, final_grade_set), into(all_modules), into(project), use(id);
  policy.missing_grade = parse_missing_grade(missing).value_or(MissingGrade::counts_as_zero);
  policy.excused = parse_excused_absence(excused).value_or(ExcusedAbsence::left_out);
  if (module_attendance_set == soci::i_ok) policy.module_attendance_threshold = module_attendance;
  if (final_grade_set == soci::i_ok) policy.minimum_final_grade = final_grade;
  policy.require_all_modules = all_modules != 0;
  policy.require_project = project != 0;
  return policy;
}

}  // namespace diplomado::storage
