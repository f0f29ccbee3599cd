// The ceremony, its guests, the survey and the news drafts (closing_repository.hpp).
#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

class SociClosingRepository final : public ClosingRepository {
 public:
  explicit SociClosingRepository(soci::session& sql) : m_sql(sql) {}

  Ceremony ceremony(Id programme_id) override {
    Ceremony ceremony;
    long long programme = programme_id, version = 0;
    soci::indicator found = soci::i_null;
    m_sql << "SELECT starts_at, venue, version FROM ceremony WHERE programme_id = :p", into(ceremony.starts_at), into(ceremony.venue),
        into(version, found), use(programme);
    if (found != soci::i_ok) return {};
    ceremony.version = version;
    std::string at, es, en;
    soci::statement items = (m_sql.prepare << "SELECT at, title_es, title_en FROM ceremony_item WHERE programme_id = :p ORDER BY position",
                             into(at), into(es), into(en), use(programme));
    items.execute();
    while (items.fetch()) ceremony.run_of_show.push_back({at, {es, en}});
    return ceremony;
  }

  bool save_ceremony(Id programme_id, const Ceremony& ceremony, std::int64_t expected_version) override {
    long long programme = programme_id, expected = expected_version;
    if (expected == 0) {
      long long existing = 0;
      m_sql << "SELECT COUNT(*) FROM ceremony WHERE programme_id = :p", into(existing), use(programme);
      if (existing) return false;
      m_sql << "INSERT INTO ceremony (programme_id, starts_at, venue, version) VALUES (:p, :s, :v, 1)", use(programme), use(ceremony.starts_at),
          use(ceremony.venue);
    } else {
      soci::statement update = (m_sql.prepare << "UPDATE ceremony SET starts_at = :s, venue = :v, version = version + 1 WHERE programme_id = :p AND version = :e",
                                use(ceremony.starts_at), use(ceremony.venue), use(programme), use(expected));
      update.execute(true);
      if (update.get_affected_rows() == 0) return false;
    }
    m_sql << "DELETE FROM ceremony_item WHERE programme_id = :p", use(programme);
    int position = 0;
    std::string at, es, en;
    soci::statement insert = (m_sql.prepare << "INSERT INTO ceremony_item (programme_id, position, at, title_es, title_en) VALUES (:p, :n, :a, :es, :en)",
                              use(programme), use(position), use(at), use(es), use(en));
    for (const auto& item : ceremony.run_of_show) {
      ++position;
      at = item.at;
      es = item.title.es;
      en = item.title.en;
      insert.execute(true);
    }
    return true;
  }

  std::vector<Guest> guests(Id programme_id) override { return select_guests(programme_id, 0); }

  std::optional<Guest> guest(Id programme_id, Id guest_id) override {
    auto found = select_guests(programme_id, guest_id);
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  std::optional<Id> insert_guest(Id programme_id, const Guest& guest) override {
    long long programme = programme_id, existing = 0;
    m_sql << "SELECT COUNT(*) FROM ceremony_guest WHERE programme_id = :p AND name = :n AND institution = :i", into(existing), use(programme),
        use(guest.name), use(guest.institution);
    if (existing) return std::nullopt;
    long long id = 0;
    int precedence = guest.precedence, authority = guest.authority ? 1 : 0;
    const std::string rsvp(to_string(guest.rsvp));
    m_sql << "INSERT INTO ceremony_guest (programme_id, name, title_es, title_en, institution, precedence, authority, rsvp, version) "
             "VALUES (:p, :n, :es, :en, :i, :r, :a, :v, 1) RETURNING id",
        use(programme), use(guest.name), use(guest.title.es), use(guest.title.en), use(guest.institution), use(precedence), use(authority), use(rsvp),
        into(id);
    return id;
  }

  bool update_guest(Id programme_id, const Guest& guest, std::int64_t expected_version) override {
    long long programme = programme_id, id = guest.id, expected = expected_version, clash = 0;
    m_sql << "SELECT COUNT(*) FROM ceremony_guest WHERE programme_id = :p AND name = :n AND institution = :i AND id <> :g", into(clash), use(programme),
        use(guest.name), use(guest.institution), use(id);
    if (clash) return false;
    int precedence = guest.precedence, authority = guest.authority ? 1 : 0;
    const std::string rsvp(to_string(guest.rsvp));
    soci::statement update = (m_sql.prepare << "UPDATE ceremony_guest SET name = :n, title_es = :es, title_en = :en, institution = :i, precedence = :r, "
                                               "authority = :a, rsvp = :v, version = version + 1 WHERE id = :g AND programme_id = :p AND version = :e",
                              use(guest.name), use(guest.title.es), use(guest.title.en), use(guest.institution), use(precedence), use(authority), use(rsvp),
                              use(id), use(programme), use(expected));
    update.execute(true);
    return update.get_affected_rows() > 0;
  }

  bool delete_guest(Id programme_id, Id guest_id) override {
    long long programme = programme_id, id = guest_id;
    soci::statement statement = (m_sql.prepare << "DELETE FROM ceremony_guest WHERE id = :g AND programme_id = :p", use(id), use(programme));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
  }

  std::optional<std::int64_t> set_checked_in(Id programme_id, Id guest_id, std::string_view at) override {
    long long programme = programme_id, id = guest_id;
    const std::string moment(at);
    soci::indicator moment_set = moment.empty() ? soci::i_null : soci::i_ok;
    soci::statement update = (m_sql.prepare << "UPDATE ceremony_guest SET checked_in_at = :at, version = version + 1 WHERE id = :g AND programme_id = :p",
                              use(moment, moment_set), use(id), use(programme));
    update.execute(true);
    if (update.get_affected_rows() == 0) return std::nullopt;
    long long version = 0;
    m_sql << "SELECT version FROM ceremony_guest WHERE id = :g", into(version), use(id);
    return version;
  }

  std::vector<SurveyQuestion> questions(Id programme_id) override {
    std::vector<SurveyQuestion> result;
    long long programme = programme_id, id = 0;
    std::string kind, es, en;
    int low = 1, high = 5;
    soci::statement statement = (m_sql.prepare << "SELECT id, kind, text_es, text_en, scale_min, scale_max FROM survey_question WHERE programme_id = :p "
                                                  "ORDER BY position",
                                 into(id), into(kind), into(es), into(en), into(low), into(high), use(programme));
    statement.execute();
    while (statement.fetch()) result.push_back({id, parse_question_kind(kind).value_or(QuestionKind::open), {es, en}, low, high});
    return result;
  }

  bool replace_questions(Id programme_id, const std::vector<SurveyQuestion>& questions) override {
    if (respondents(programme_id) > 0) return false;
    long long programme = programme_id;
    m_sql << "DELETE FROM survey_question WHERE programme_id = :p", use(programme);
    int position = 0, low = 1, high = 5;
    std::string kind, es, en;
    soci::statement insert = (m_sql.prepare << "INSERT INTO survey_question (programme_id, position, kind, text_es, text_en, scale_min, scale_max) "
                                               "VALUES (:p, :n, :k, :es, :en, :lo, :hi)",
                              use(programme), use(position), use(kind), use(es), use(en), use(low), use(high));
    for (const auto& question : questions) {
      ++position;
      kind = std::string(to_string(question.kind));
      es = question.text.es;
      en = question.text.en;
      low = question.scale_min;
      high = question.scale_max;
      insert.execute(true);
    }
    return true;
  }

  bool has_answered(Id programme_id, Id enrollment_id) override {
    long long programme = programme_id, enrollment = enrollment_id, count = 0;
    m_sql << "SELECT COUNT(*) FROM survey_respondent WHERE programme_id = :p AND enrollment_id = :e", into(count), use(programme), use(enrollment);
    return count > 0;
  }

  std::int64_t respondents(Id programme_id) override {
    long long programme = programme_id, count = 0;
    m_sql << "SELECT COUNT(*) FROM survey_respondent WHERE programme_id = :p", into(count), use(programme);
    return count;
  }

  bool record_response(Id programme_id, Id enrollment_id, std::int64_t response_id, const std::vector<SurveyAnswerRecord>& answers) override {
    if (has_answered(programme_id, enrollment_id)) return false;
    long long programme = programme_id, enrollment = enrollment_id, response = response_id;
    m_sql << "INSERT INTO survey_respondent (programme_id, enrollment_id) VALUES (:p, :e)", use(programme), use(enrollment);
    long long question = 0;
    int value = 0;
    std::string text;
    soci::indicator value_set = soci::i_null, text_set = soci::i_null;
    soci::statement insert = (m_sql.prepare << "INSERT INTO survey_answer (response_id, programme_id, question_id, value, text) VALUES (:r, :p, :q, :v, :t)",
                              use(response), use(programme), use(question), use(value, value_set), use(text, text_set));
    for (const auto& answer : answers) {
      question = answer.question_id;
      value = answer.value.value_or(0);
      value_set = answer.value ? soci::i_ok : soci::i_null;
      text = answer.text;
      text_set = answer.text.empty() ? soci::i_null : soci::i_ok;
      insert.execute(true);
    }
    return true;
  }

  std::vector<std::pair<Id, std::vector<std::pair<int, std::int64_t>>>> likert_counts(Id programme_id) override {
    std::vector<std::pair<Id, std::vector<std::pair<int, std::int64_t>>>> result;
    long long programme = programme_id, question = 0, count = 0;
    int value = 0;
    soci::statement statement = (m_sql.prepare << "SELECT question_id, value, COUNT(*) FROM survey_answer WHERE programme_id = :p AND value IS NOT NULL "
                                                  "GROUP BY question_id, value ORDER BY question_id, value",
                                 into(question), into(value), into(count), use(programme));
    statement.execute();
    while (statement.fetch()) {
      if (result.empty() || result.back().first != question) result.push_back({question, {}});
      result.back().second.emplace_back(value, count);
    }
    return result;
  }

  std::vector<std::pair<Id, std::string>> open_answers(Id programme_id) override {
    std::vector<std::pair<Id, std::string>> result;
    long long programme = programme_id, question = 0;
    std::string text;
    // Ordered by the text itself, not by when or by whom it was written.
    soci::statement statement = (m_sql.prepare << "SELECT question_id, text FROM survey_answer WHERE programme_id = :p AND text IS NOT NULL "
                                                  "ORDER BY question_id, text",
                                 into(question), into(text), use(programme));
    statement.execute();
    while (statement.fetch()) result.emplace_back(question, text);
    return result;
  }

  std::optional<NewsDraftRecord> news_draft(Id programme_id, std::string_view language) override {
    long long programme = programme_id, version = 0;
    const std::string lang(language);
    NewsDraftRecord record;
    soci::indicator found = soci::i_null;
    m_sql << "SELECT body, updated_at, version FROM news_draft WHERE programme_id = :p AND language = :l", into(record.body), into(record.updated_at),
        into(version, found), use(programme), use(lang);
    if (found != soci::i_ok) return std::nullopt;
    record.version = version;
    return record;
  }

  bool save_news_draft(Id programme_id, std::string_view language, std::string_view body, std::string_view at, std::int64_t expected_version) override {
    long long programme = programme_id, expected = expected_version;
    const std::string lang(language), text(body), moment(at);
    if (expected == 0) {
      if (news_draft(programme_id, language)) return false;
      m_sql << "INSERT INTO news_draft (programme_id, language, body, updated_at, version) VALUES (:p, :l, :b, :at, 1)", use(programme), use(lang),
          use(text), use(moment);
      return true;
    }
    soci::statement update = (m_sql.prepare << "UPDATE news_draft SET body = :b, updated_at = :at, version = version + 1 "
                                               "WHERE programme_id = :p AND language = :l AND version = :e",
                              use(text), use(moment), use(programme), use(lang), use(expected));
    update.execute(true);
    return update.get_affected_rows() > 0;
  }

 private:
  std::vector<Guest> select_guests(Id programme_id, Id only) {
    std::vector<Guest> result;
    long long programme = programme_id, one = only, id = 0, version = 0;
    std::string name, es, en, institution, rsvp, checked;
    int precedence = 0, authority = 0;
    soci::indicator checked_set = soci::i_null;
    soci::statement statement =
        (m_sql.prepare << "SELECT id, name, title_es, title_en, institution, precedence, authority, rsvp, checked_in_at, version FROM ceremony_guest "
                          "WHERE programme_id = :p AND (:g = 0 OR id = :g2) ORDER BY precedence, name, institution",
         into(id), into(name), into(es), into(en), into(institution), into(precedence), into(authority), into(rsvp), into(checked, checked_set),
         into(version), use(programme), use(one), use(one));
    statement.execute();
    while (statement.fetch())
      result.push_back({id, name, {es, en}, institution, precedence, authority != 0, parse_rsvp(rsvp).value_or(Rsvp::pending),
                        checked_set == soci::i_ok ? checked : std::string(), version});
    return result;
  }

  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<ClosingRepository> make_closing_repository(soci::session& sql, PreparedQueries&) {
  return std::make_unique<SociClosingRepository>(sql);
}

}  // namespace diplomado::storage
