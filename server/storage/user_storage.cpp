#include "storage/soci_store.hpp"

#include "domain/audit_context.hpp"

#include <map>

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

std::vector<RoleGrant> grants_of(soci::session& sql, Id user_id) {
  std::vector<RoleGrant> result;
  long long user = user_id, programme = 0;
  std::string role;
  soci::statement statement = (sql.prepare << "SELECT role, COALESCE(programme_id, 0) FROM role_grant WHERE user_id = :u ORDER BY id",
                               into(role), into(programme), use(user));
  statement.execute();
  while (statement.fetch())
    if (auto parsed = parse_role(role)) result.push_back(RoleGrant{*parsed, programme ? std::optional<Id>(programme) : std::nullopt});
  return result;
}

class SociUserRepository final : public UserRepository {
 public:
  SociUserRepository(soci::session& sql, PreparedQueries& /*rare reads and writes: not prepared ahead*/) : m_sql(sql) {}

  std::optional<UserRecord> find_by_email(std::string_view normalised_email) override {
    const std::string email(normalised_email);
    UserRecord user;
    long long id = 0;
    int disabled = 0;
    m_sql << "SELECT id, email, display_name, password_hash, disabled FROM app_user WHERE email = :e", into(id), into(user.email),
        into(user.display_name), into(user.password_hash), into(disabled), use(email);
    if (!m_sql.got_data()) return std::nullopt;
    user.id = id;
    user.disabled = disabled != 0;
    return user;
  }

  std::vector<UserRecord> holders(Id programme_id, Role role) override {
    long long programme = programme_id, id = 0;
    const std::string role_text(to_string(role));
    UserRecord user;
    int disabled = 0;
    std::vector<UserRecord> result;
    soci::statement query = (m_sql.prepare << "SELECT u.id, u.email, u.display_name, u.disabled FROM app_user u JOIN role_grant g ON g.user_id = u.id "
                                              "WHERE g.programme_id = :p AND g.role = :r ORDER BY u.display_name, u.id",
                             into(id), into(user.email), into(user.display_name), into(disabled), use(programme), use(role_text));
    query.execute();
    while (query.fetch()) {
      user.id = id;
      user.disabled = disabled != 0;
      result.push_back(user);
    }
    return result;
  }

  Id insert(const NewUser& user) override {
    long long id = 0;
    m_sql << "INSERT INTO app_user (email, display_name, password_hash, created_at) VALUES (:e, :n, :h, :c) RETURNING id",
        use(user.email), use(user.display_name), use(user.password_hash), use(user.created_at), into(id);
    return id;
  }

  void add_grant(Id user_id, const RoleGrant& grant) override {
    long long user = user_id, programme = grant.programme_id.value_or(0);
    const std::string role(to_string(grant.role));
    m_sql << "INSERT INTO role_grant (user_id, role, programme_id) VALUES (:u, :r, NULLIF(:p, 0))", use(user), use(role), use(programme);
  }

  std::vector<RoleGrant> grants(Id user_id) override { return grants_of(m_sql, user_id); }

  std::int64_t count() override {
    long long total = 0;
    m_sql << "SELECT COUNT(*) FROM app_user", into(total);
    return total;
  }

  std::optional<UserRecord> find(Id user_id) override {
    long long id = user_id;
    UserRecord user;
    int disabled = 0;
    m_sql << "SELECT email, display_name, password_hash, disabled FROM app_user WHERE id = :id", into(user.email), into(user.display_name),
        into(user.password_hash), into(disabled), use(id);
    if (!m_sql.got_data()) return std::nullopt;
    user.id = user_id;
    user.disabled = disabled != 0;
    return user;
  }

  std::vector<UserListing> list() override {
    std::vector<UserListing> users;
    std::map<Id, std::size_t> index;
    {
      long long id = 0;
      int disabled = 0, has_password = 0;
      UserListing user;
      soci::statement query = (m_sql.prepare << "SELECT id, email, display_name, disabled, CASE WHEN password_hash LIKE '$argon2%' THEN 1 ELSE 0 END "
                                                "FROM app_user ORDER BY email",
                               into(id), into(user.email), into(user.display_name), into(disabled), into(has_password));
      query.execute();
      while (query.fetch()) {
        user.id = id;
        user.disabled = disabled != 0;
        user.has_password = has_password != 0;
        index[user.id] = users.size();
        users.push_back(user);
      }
    }
    long long grant_id = 0, user_id = 0, programme = 0;
    std::string role, code;
    soci::indicator code_present = soci::i_ok;
    soci::statement grants = (m_sql.prepare << "SELECT g.id, g.user_id, g.role, COALESCE(g.programme_id, 0), p.code FROM role_grant g "
                                               "LEFT JOIN programme p ON p.id = g.programme_id ORDER BY g.id",
                              into(grant_id), into(user_id), into(role), into(programme), into(code, code_present));
    grants.execute();
    while (grants.fetch()) {
      const auto found = index.find(user_id);
      const auto parsed = parse_role(role);
      if (found == index.end() || !parsed) continue;
      users[found->second].grants.push_back(
          {grant_id, RoleGrant{*parsed, programme ? std::optional<Id>(programme) : std::nullopt}, code_present == soci::i_ok ? code : ""});
    }
    return users;
  }

  void set_disabled(Id user_id, bool disabled) override {
    long long id = user_id;
    int flag = disabled ? 1 : 0;
    m_sql << "UPDATE app_user SET disabled = :d, version = version + 1 WHERE id = :id", use(flag), use(id);
  }

  void set_password_hash(Id user_id, std::string_view hash) override {
    long long id = user_id;
    const std::string text(hash);
    m_sql << "UPDATE app_user SET password_hash = :h, version = version + 1 WHERE id = :id", use(text), use(id);
  }

  bool has_grant(Id user_id, const RoleGrant& grant) override {
    long long user = user_id, programme = grant.programme_id.value_or(0), found = 0;
    const std::string role(to_string(grant.role));
    m_sql << "SELECT COUNT(*) FROM role_grant WHERE user_id = :u AND role = :r AND COALESCE(programme_id, 0) = :p", into(found), use(user),
        use(role), use(programme);
    return found > 0;
  }

  std::optional<RoleGrant> remove_grant(Id user_id, Id grant_id) override {
    long long user = user_id, id = grant_id, programme = 0;
    std::string role;
    m_sql << "SELECT role, COALESCE(programme_id, 0) FROM role_grant WHERE id = :id AND user_id = :u", into(role), into(programme), use(id),
        use(user);
    if (!m_sql.got_data()) return std::nullopt;
    const auto parsed = parse_role(role);
    if (!parsed) return std::nullopt;
    m_sql << "DELETE FROM role_grant WHERE id = :id", use(id);
    return RoleGrant{*parsed, programme ? std::optional<Id>(programme) : std::nullopt};
  }

  std::optional<std::pair<int, std::string>> sign_in_failures(std::string_view scope, std::string_view key_digest) override {
    const std::string s(scope), k(key_digest);
    int failures = 0;
    std::string at;
    m_sql << "SELECT failures, last_failure_at FROM sign_in_failure WHERE scope = :s AND key_digest = :k", use(s), use(k), into(failures), into(at);
    if (!m_sql.got_data()) return std::nullopt;
    return std::pair{failures, at};
  }
  void save_sign_in_failures(std::string_view scope, std::string_view key_digest, int failures, std::string_view last_failure_at) override {
    const std::string s(scope), k(key_digest), at(last_failure_at);
    m_sql << "INSERT INTO sign_in_failure (scope, key_digest, failures, last_failure_at) VALUES (:s, :k, :f, :a) "
             "ON CONFLICT (scope, key_digest) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at",
        use(s), use(k), use(failures), use(at);
  }
  void forget_sign_in_failures(std::string_view scope, std::string_view key_digest) override {
    const std::string s(scope), k(key_digest);
    m_sql << "DELETE FROM sign_in_failure WHERE scope = :s AND key_digest = :k", use(s), use(k);
  }
  void forget_sign_in_failures_before(std::string_view before) override {
    const std::string at(before);
    m_sql << "DELETE FROM sign_in_failure WHERE last_failure_at < :a", use(at);
  }

  void insert_account_link(const AccountLink& link, std::string_view token_hash) override {
    long long user = link.user_id, programme = link.programme_id.value_or(0);
    const std::string hash(token_hash);
    m_sql << "DELETE FROM account_link WHERE user_id = :u AND purpose = :p AND used_at IS NULL", use(user), use(link.purpose);
    m_sql << "INSERT INTO account_link (user_id, purpose, token_hash, programme_id, created_at, expires_at) "
             "VALUES (:u, :p, :h, NULLIF(:g, 0), :c, :e)",
        use(user), use(link.purpose), use(hash), use(programme), use(link.created_at), use(link.expires_at);
  }

  std::optional<AccountLink> find_account_link(std::string_view token_hash) override {
    const std::string hash(token_hash);
    AccountLink link;
    long long id = 0, user = 0, programme = 0;
    m_sql << "SELECT id, user_id, purpose, COALESCE(programme_id, 0), created_at, expires_at, COALESCE(used_at, '') "
             "FROM account_link WHERE token_hash = :h",
        into(id), into(user), into(link.purpose), into(programme), into(link.created_at), into(link.expires_at), into(link.used_at),
        use(hash);
    if (!m_sql.got_data()) return std::nullopt;
    link.id = id;
    link.user_id = user;
    if (programme) link.programme_id = programme;
    return link;
  }

  void use_account_link(Id link_id, Id user_id, std::string_view at) override {
    long long id = link_id, user = user_id;
    const std::string when(at);
    m_sql << "UPDATE account_link SET used_at = :a WHERE id = :i", use(when), use(id);
    m_sql << "DELETE FROM account_link WHERE user_id = :u AND used_at IS NULL", use(user);
  }

  std::vector<AccountLink> invitations(Id programme_id) override {
    long long programme = programme_id, id = 0, user = 0;
    AccountLink link;
    std::vector<AccountLink> found;
    soci::statement query =
        (m_sql.prepare << "SELECT id, user_id, created_at, expires_at, COALESCE(used_at, '') FROM account_link "
                          "WHERE programme_id = :p AND purpose = 'invitation' ORDER BY user_id, created_at DESC, id DESC",
         into(id), into(user), into(link.created_at), into(link.expires_at), into(link.used_at), use(programme));
    query.execute();
    while (query.fetch()) {
      if (!found.empty() && found.back().user_id == user) continue;  // the newest of each user only
      link.id = id;
      link.user_id = user;
      link.purpose = "invitation";
      link.programme_id = programme_id;
      found.push_back(link);
    }
    return found;
  }

  std::optional<ConsentEvent> latest_consent(Id user_id) override {
    long long user = user_id;
    ConsentEvent event;
    m_sql << "SELECT action, notice_version, at FROM consent_event WHERE user_id = :u ORDER BY id DESC LIMIT 1", into(event.action),
        into(event.notice_version), into(event.at), use(user);
    if (!m_sql.got_data()) return std::nullopt;
    return event;
  }

  void record_consent(Id user_id, const ConsentEvent& event) override {
    long long user = user_id;
    m_sql << "INSERT INTO consent_event (user_id, notice_version, action, at) VALUES (:u, :v, :a, :t)", use(user), use(event.notice_version),
        use(event.action), use(event.at);
  }

  void remove_grant_of(Id user_id, const RoleGrant& grant) override {
    long long user = user_id, programme = grant.programme_id.value_or(0);
    const std::string role(to_string(grant.role));
    m_sql << "DELETE FROM role_grant WHERE user_id = :u AND role = :r AND COALESCE(programme_id, 0) = :p", use(user), use(role), use(programme);
  }

  void anonymise(Id user_id, std::string_view email, std::string_view display_name) override {
    long long user = user_id;
    const std::string address(email), name(display_name);
    m_sql << "UPDATE app_user SET email = :e, display_name = :n, password_hash = '!', disabled = 1 WHERE id = :u", use(address), use(name), use(user);
    m_sql << "DELETE FROM account_link WHERE user_id = :u", use(user);
  }

  void drop_mail_to(std::string_view recipient) override {
    const std::string address(recipient);
    m_sql << "DELETE FROM mail_outbox WHERE recipient = :r AND sent_at IS NULL", use(address);
  }

  void enqueue_mail(const OutgoingMail& mail, std::string_view created_at) override {
    const std::string at(created_at);
    m_sql << "INSERT INTO mail_outbox (recipient, subject, body, link, created_at, next_attempt_at) VALUES (:r, :s, :b, :l, :c, :n)",
        use(mail.recipient), use(mail.subject), use(mail.body), use(mail.link), use(at), use(at);
  }

  std::vector<OutgoingMail> due_mail(std::string_view now, int limit) override {
    const std::string at(now);
    long long id = 0;
    OutgoingMail mail;
    std::vector<OutgoingMail> found;
    soci::statement query =
        (m_sql.prepare << "SELECT id, recipient, subject, body, link, attempts, next_attempt_at FROM mail_outbox "
                          "WHERE sent_at IS NULL AND next_attempt_at <> '' AND next_attempt_at <= :n ORDER BY next_attempt_at, id LIMIT :l",
         into(id), into(mail.recipient), into(mail.subject), into(mail.body), into(mail.link), into(mail.attempts), into(mail.next_attempt_at),
         use(at), use(limit));
    query.execute();
    while (query.fetch()) {
      mail.id = id;
      found.push_back(mail);
    }
    return found;
  }

  bool claim_mail(Id mail_id, std::string_view seen_next_attempt_at, std::string_view lease_until) override {
    long long id = mail_id;
    const std::string seen(seen_next_attempt_at), lease(lease_until);
    soci::statement update = (m_sql.prepare << "UPDATE mail_outbox SET next_attempt_at = :l WHERE id = :i AND sent_at IS NULL AND next_attempt_at = :s",
                              use(lease), use(id), use(seen));
    update.execute(true);
    return update.get_affected_rows() == 1;
  }

  void mail_sent(Id mail_id, std::string_view at) override {
    long long id = mail_id;
    const std::string when(at);
    m_sql << "UPDATE mail_outbox SET sent_at = :a, body = '', link = '', attempts = attempts + 1, last_error = '' WHERE id = :i", use(when), use(id);
  }

  void mail_failed(Id mail_id, int attempts, std::string_view next_attempt_at, std::string_view error) override {
    long long id = mail_id;
    const std::string next(next_attempt_at), why(error);
    if (next.empty())
      m_sql << "UPDATE mail_outbox SET attempts = :a, next_attempt_at = '', body = '', link = '', last_error = :e WHERE id = :i", use(attempts),
          use(why), use(id);
    else
      m_sql << "UPDATE mail_outbox SET attempts = :a, next_attempt_at = :n, last_error = :e WHERE id = :i", use(attempts), use(next), use(why),
          use(id);
  }

  std::int64_t active_site_coordinators() override {
    long long total = 0;
    m_sql << "SELECT COUNT(DISTINCT u.id) FROM app_user u JOIN role_grant g ON g.user_id = u.id "
             "WHERE g.role = 'coordinator' AND g.programme_id IS NULL AND u.disabled = 0",
        into(total);
    return total;
  }

 private:
  soci::session& m_sql;
};

class SociHttpSessionRepository final : public HttpSessionRepository {
 public:
  SociHttpSessionRepository(soci::session& sql, PreparedQueries& /*rare reads and writes: not prepared ahead*/) : m_sql(sql) {}

  void insert(std::string_view token_hash, Id user_id, std::string_view csrf_token, std::string_view created_at,
              std::string_view expires_at) override {
    const std::string hash(token_hash), csrf(csrf_token), created(created_at), expires(expires_at);
    long long user = user_id;
    m_sql << "INSERT INTO http_session (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (:h, :u, :c, :cr, :ex, :cr2)",
        use(hash), use(user), use(csrf), use(created), use(expires), use(created);
  }

  void touch(std::string_view token_hash, std::string_view now) override {
    const std::string hash(token_hash), at(now);
    m_sql << "UPDATE http_session SET last_seen_at = :at WHERE token_hash = :h", use(at), use(hash);
  }

  std::int64_t remove_all_of(Id user_id, std::string_view except_token_hash) override {
    long long user = user_id;
    const std::string except(except_token_hash);
    soci::statement statement = (m_sql.prepare << "DELETE FROM http_session WHERE user_id = :u AND token_hash <> :h", use(user), use(except));
    statement.execute(true);
    return statement.get_affected_rows();
  }

  std::optional<HttpSessionRecord> find_live(std::string_view token_hash, std::string_view now, std::string_view idle_since) override {
    const std::string hash(token_hash), at(now), idle(idle_since);
    HttpSessionRecord record;
    long long user_id = 0;
    int disabled = 0;
    m_sql << "SELECT s.user_id, s.csrf_token, s.expires_at, u.email, u.display_name, u.disabled "
             "FROM http_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = :h AND s.expires_at > :now AND s.last_seen_at > :idle",
        into(user_id), into(record.csrf_token), into(record.expires_at), into(record.actor.email), into(record.actor.display_name),
        into(disabled), use(hash), use(at), use(idle);
    if (!m_sql.got_data() || disabled) return std::nullopt;
    record.actor.user_id = user_id;
    record.actor.grants = grants_of(m_sql, user_id);
    return record;
  }

  bool remove(std::string_view token_hash) override {
    const std::string hash(token_hash);
    soci::statement statement = (m_sql.prepare << "DELETE FROM http_session WHERE token_hash = :h", use(hash));
    statement.execute(true);
    return statement.get_affected_rows() > 0;
  }

  void remove_expired(std::string_view now) override {
    const std::string at(now);
    m_sql << "DELETE FROM http_session WHERE expires_at <= :now", use(at);
  }

 private:
  soci::session& m_sql;
};

// A text for LIKE that matches itself only: '%', '_' and the escape are escaped.
std::string escape_like(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

class SociAuditRepository final : public AuditRepository {
 public:
  SociAuditRepository(soci::session& sql, PreparedQueries& /*rare reads and writes: not prepared ahead*/) : m_sql(sql) {}

  void append(const AuditEvent& event, std::string_view at) override {
    const std::string when(at);
    // The request's id and programme, when the event does not name them (domain/audit_context).
    const auto& context = current_audit_context();
    const std::string request_id = event.request_id.empty() ? context.request_id : event.request_id;
    long long actor = event.actor_user_id.value_or(0), entity_id = event.entity_id.value_or(0),
              programme = event.programme_id.value_or(context.programme_id.value_or(0));
    m_sql << "INSERT INTO audit_event (at, actor_user_id, action, entity, entity_id, details, programme_id, request_id) "
             "VALUES (:at, NULLIF(:actor, 0), :action, :entity, NULLIF(:eid, 0), :details, NULLIF(:p, 0), :rid)",
        use(when), use(actor), use(event.action), use(event.entity), use(entity_id), use(event.details_json), use(programme),
        use(request_id);
  }

  std::int64_t count(std::string_view action) override {
    const std::string name(action);
    long long total = 0;
    m_sql << "SELECT COUNT(*) FROM audit_event WHERE action = :a", into(total), use(name);
    return total;
  }

  AuditPage list(const AuditFilter& filter) override {
    // One WHERE for the count and the page; every value is bound, none is spliced in.
    std::string where = " WHERE 1 = 1";
    long long programme = filter.programme_id.value_or(0), person = filter.enrollment_id.value_or(0);
    const std::string actor = "%" + escape_like(filter.actor_email) + "%", action = escape_like(filter.action_prefix) + "%",
                      since = filter.since, until = filter.until.empty() ? std::string() : filter.until + "T23:59:59Z",
                      person_comma = "%\"enrollment_id\":" + std::to_string(person) + ",%",
                      person_end = "%\"enrollment_id\":" + std::to_string(person) + "}%";
    if (filter.programme_id) where += " AND e.programme_id = :p";
    if (!filter.actor_email.empty()) where += " AND u.email LIKE :actor ESCAPE '\\'";
    if (!filter.action_prefix.empty()) where += " AND e.action LIKE :action ESCAPE '\\'";
    if (filter.enrollment_id)
      where += " AND ((e.entity IN ('enrollment', 'grade') AND e.entity_id = :person) OR e.details LIKE :pc OR e.details LIKE :pe)";
    if (!filter.since.empty()) where += " AND e.at >= :since";
    if (!filter.until.empty()) where += " AND e.at <= :until";
    auto bind = [&](soci::statement& statement) {
      if (filter.programme_id) statement.exchange(use(programme, "p"));
      if (!filter.actor_email.empty()) statement.exchange(use(actor, "actor"));
      if (!filter.action_prefix.empty()) statement.exchange(use(action, "action"));
      if (filter.enrollment_id) {
        statement.exchange(use(person, "person"));
        statement.exchange(use(person_comma, "pc"));
        statement.exchange(use(person_end, "pe"));
      }
      if (!filter.since.empty()) statement.exchange(use(since, "since"));
      if (!filter.until.empty()) statement.exchange(use(until, "until"));
    };
    const std::string from = " FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_user_id";
    AuditPage page;
    {
      long long total = 0;
      soci::statement count(m_sql);
      count.exchange(into(total));
      bind(count);
      count.alloc();
      count.prepare("SELECT COUNT(*)" + from + where);
      count.define_and_bind();
      count.execute(true);
      page.total = total;
    }
    AuditRecord record;
    long long id = 0, actor_id = 0, entity_id = 0, programme_id = 0;
    std::string email;
    soci::indicator email_present = soci::i_ok;
    soci::statement rows(m_sql);
    rows.exchange(into(id));
    rows.exchange(into(record.at));
    rows.exchange(into(actor_id));
    rows.exchange(into(email, email_present));
    rows.exchange(into(record.action));
    rows.exchange(into(record.entity));
    rows.exchange(into(entity_id));
    rows.exchange(into(record.details_json));
    rows.exchange(into(programme_id));
    rows.exchange(into(record.request_id));
    bind(rows);
    rows.alloc();
    std::string sql = "SELECT e.id, e.at, COALESCE(e.actor_user_id, 0), u.email, e.action, e.entity, COALESCE(e.entity_id, 0), e.details, "
                      "COALESCE(e.programme_id, 0), e.request_id" + from + where + " ORDER BY e.id DESC";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset);
    rows.prepare(sql);
    rows.define_and_bind();
    rows.execute();
    while (rows.fetch()) {
      record.id = id;
      record.actor_user_id = actor_id ? std::optional<Id>(actor_id) : std::nullopt;
      record.actor_email = email_present == soci::i_ok ? email : "";
      record.entity_id = entity_id ? std::optional<Id>(entity_id) : std::nullopt;
      record.programme_id = programme_id ? std::optional<Id>(programme_id) : std::nullopt;
      page.items.push_back(record);
    }
    return page;
  }

  std::vector<std::string> details(std::string_view action) override {
    const std::string name(action);
    std::vector<std::string> found;
    std::string text;
    soci::statement statement = (m_sql.prepare << "SELECT details FROM audit_event WHERE action = :a ORDER BY id", into(text), use(name));
    statement.execute();
    while (statement.fetch()) found.push_back(text);
    return found;
  }

 private:
  soci::session& m_sql;
};

}  // namespace

std::unique_ptr<UserRepository> make_user_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociUserRepository>(sql, queries); }
std::unique_ptr<HttpSessionRepository> make_http_session_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociHttpSessionRepository>(sql, queries);
}
std::unique_ptr<AuditRepository> make_audit_repository(soci::session& sql, PreparedQueries& queries) {
  return std::make_unique<SociAuditRepository>(sql, queries); }

}  // namespace diplomado::storage
