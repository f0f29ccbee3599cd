// The account lifecycle over HTTP (issue 15): the site coordinator's users page, and each user's
// own password and sessions.
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "documents/user_listing.hpp"
#include "http/json/user_json.hpp"
#include "http/problem.hpp"
#include "services/manage_users.hpp"
#include "services/account_links.hpp"
#include "services/read_audit.hpp"
#include "documents/gradebook_report.hpp"
#include "http/json/participant_json.hpp"
#include "services/get_gradebook.hpp"
#include "services/issue_certificates.hpp"
#include "services/manage_enrollment.hpp"

namespace diplomado::http {
namespace {

HttpResponse user_response(const Result<services::UserView>& user, Language language) {
  if (!user) return problem_response(user.error(), language);
  JsonWriter json;
  write(json, *user);
  return json_response(200, json.take());
}

}  // namespace

struct GrantBody {
  std::string role;
  std::string programme_code;
};
static void describe(BodyReader& body, GrantBody& grant) {
  body.required("role", grant.role, {.max_length = 32}).optional("programme_code", grant.programme_code, {.max_length = 64});
}

struct PasswordChangeBody {
  std::string current_password;
  std::string new_password;
};
static void describe(BodyReader& body, PasswordChangeBody& change) {
  // The rule's own bound (1024 characters) is the use case's; this one only stops abuse.
  body.required("current_password", change.current_password, {.max_length = 4096}).required("new_password", change.new_password, {.max_length = 4096});
}

HttpResponse handle_list_users(RequestContext& context) {
  const auto users = services::list_users(context.store());
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& user : users) write(json, user);
  json.end_array().field("total", static_cast<std::int64_t>(users.size())).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_disable_user(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  return user_response(services::set_user_disabled(context.store(), context.app.sessions, context.actor, *id, true, context.app.now()), context.language);
}

HttpResponse handle_enable_user(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  return user_response(services::set_user_disabled(context.store(), context.app.sessions, context.actor, *id, false, context.app.now()), context.language);
}

HttpResponse handle_grant_role(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  auto body = read_body<GrantBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto granted = services::grant_role(context.store(), context.app.sessions, context.actor, *id, body->role, body->programme_code, context.app.now());
  if (!granted) return problem_response(granted.error(), context.language);
  JsonWriter json;
  write(json, *granted);
  return json_response(201, json.take());
}

HttpResponse handle_revoke_role(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  const auto grant = path_id(context, "grant_id");
  if (!grant) return bad_path_id(context, "grant_id");
  return user_response(services::revoke_role(context.store(), context.app.sessions, context.actor, *id, *grant, context.app.now()), context.language);
}

HttpResponse handle_reset_password(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  auto reset = services::reset_password(context.store(), context.app.sessions, context.actor, *id, std::nullopt, context.app.now());
  if (!reset) return problem_response(reset.error(), context.language);
  // Shown once, to the coordinator who hands it over; never stored in clear, never cached.
  JsonWriter json;
  json.begin_object().field("password", reset->password).end_object();
  return json_response(200, json.take());  // Cache-Control: no-store, as every API answer
}

// A link to choose a new password, mailed to the user (nothing secret passes through the coordinator).
HttpResponse handle_send_password_link(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  auto sent = services::send_password_link(context.store(), context.actor, *id, context.app.public_url, context.app.now());
  if (!sent) return problem_response(sent.error(), context.language);
  return json_response(202, "{}");
}

HttpResponse handle_end_user_sessions(RequestContext& context) {
  const auto id = path_id(context, "user_id");
  if (!id) return bad_path_id(context, "user_id");
  // The coordinator's own current session stays when they end their own others.
  const std::string keep = *id == context.actor->user_id ? context.session_token : std::string();
  auto ended = services::end_sessions(context.store(), context.app.sessions, context.actor, *id, keep, context.app.now());
  if (!ended) return problem_response(ended.error(), context.language);
  JsonWriter json;
  json.begin_object().field("sessions_ended", *ended).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_change_my_password(RequestContext& context) {
  auto body = read_body<PasswordChangeBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto changed = services::change_own_password(context.store(), context.app.sessions, *context.actor, body->current_password, body->new_password,
                                               context.session_token, context.app.now());
  if (!changed) return problem_response(changed.error(), context.language);
  return HttpResponse{204, "", "", {}};
}

HttpResponse handle_end_my_other_sessions(RequestContext& context) {
  auto ended = services::end_sessions(context.store(), context.app.sessions, context.actor, context.actor->user_id, context.session_token,
                                      context.app.now());
  if (!ended) return problem_response(ended.error(), context.language);
  JsonWriter json;
  json.begin_object().field("sessions_ended", *ended).end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http

namespace diplomado::http {

// ?actor=&action=&person=&since=&until=&page=&per_page=: the programme's audit, newest first.
HttpResponse handle_read_audit(RequestContext& context) {
  auto query_value = [&](const char* name) { return std::string(context.query_value(name).value_or("")); };
  auto page = parse_page_request(context.query_value("page"), context.query_value("per_page"));
  if (!page) return problem_response(page.error(), context.language);
  const services::AuditQuery query{query_value("actor"), query_value("action"), query_value("person"), query_value("since"), query_value("until")};
  auto events = services::read_audit(context.store(), context.actor, programme_id_of(context), query, *page);
  if (!events) return problem_response(events.error(), context.language);
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& event : events->items) write(json, event);
  json.end_array().field("total", events->total).field("page", page->page).field("per_page", page->per_page).end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http

namespace diplomado::http {

void write_certificate(JsonWriter& json, const CertificateRecord& record);

// Everything held about the signed-in person, as one JSON file (Ley 81: access and portability).
HttpResponse handle_export_my_data(RequestContext& context) {
  const auto& actor = *context.actor;
  auto enrollments = services::my_enrollments(context.store(), actor, context.app.now());
  if (!enrollments) return problem_response(enrollments.error(), context.language);
  JsonWriter json;
  json.begin_object().field("generated_at", format_iso8601(context.app.now())).key("account");
  write(json, actor);
  json.key("enrollments").begin_array();
  for (const auto& mine : *enrollments) {
    json.begin_object().field("programme_id", mine.programme_id).field("programme_code", mine.programme_code).key("record");
    write(json, mine.record);
    json.key("progress");
    if (auto progress = services::get_my_progress(context.store(), actor, mine.programme_id)) {
      services::Gradebook one{progress->programme_code, progress->policy, progress->modules, {}, {}, {}, {std::move(progress->row)}};
      json.fragment(documents::gradebook_json(one));
    } else {
      json.null();
    }
    json.key("certificates").begin_array();
    if (auto certificates = services::list_certificates(context.store(), actor, mine.programme_id))
      for (const auto& certificate : *certificates) write_certificate(json, certificate);
    json.end_array().end_object();
  }
  json.end_array()
      // Survey answers are stored apart from who answered (docs/closing.md): none can be returned.
      .field("survey", "kept_without_identity")
      .end_object();
  return file_response(json.take(), "application/json; charset=utf-8", "diplomado-my-data.json");
}

}  // namespace diplomado::http
