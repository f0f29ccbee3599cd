#include <fmt/format.h>

#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/user_json.hpp"
#include "http/problem.hpp"
#include "http/routes.hpp"
#include "services/crypto.hpp"
#include "services/sign_in.hpp"
#include "services/sign_out.hpp"

namespace diplomado::http {
namespace {
std::string session_cookie(const AppContext& app, std::string_view token, long max_age_seconds) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}", session_cookie_name, token, max_age_seconds,
                     app.secure_cookies ? "; Secure" : "");
}
}  // namespace

struct SignInBody {
  std::string email;
  std::string password;
};
static void describe(BodyReader& body, SignInBody& sign_in) {
  // The password's own rule (12 to 1024 characters) is the use case's; this bound only stops abuse.
  body.required("email", sign_in.email, {.max_length = 320}).required("password", sign_in.password, {.max_length = 4096});
}

HttpResponse handle_sign_in(RequestContext& context) {
  auto body = read_body<SignInBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  // A new session id at every sign-in; the one the browser still had (if any) ends.
  const auto previous = context.cookie(session_cookie_name);
  auto signed_in = services::sign_in(context.store(), context.app.sign_in_guard,
                                     {body->email, body->password, context.client_address, std::string(previous)}, context.app.now());
  if (signed_in && !previous.empty()) context.app.sessions.forget(services::token_digest(previous));
  if (!signed_in) return problem_response(signed_in.error(), context.language);

  JsonWriter json;
  json.begin_object();
  write(json.key("user"), signed_in->actor);
  json.field("csrf_token", signed_in->csrf_token).field("expires_at", signed_in->expires_at).end_object();
  HttpResponse response = json_response(201, json.take());
  const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(services::session_lifetime).count();
  response.headers.emplace_back("Set-Cookie", session_cookie(context.app, signed_in->session_token, static_cast<long>(lifetime)));
  return response;
}

HttpResponse handle_sign_out(RequestContext& context) {
  auto result = services::sign_out(context.store(), context.app.sessions, *context.actor, context.session_token, context.app.now());
  if (!result) return problem_response(result.error(), context.language);
  HttpResponse response{204, "", "", {}};
  response.headers.emplace_back("Set-Cookie", session_cookie(context.app, "", 0));
  return response;
}

HttpResponse handle_me(RequestContext& context) {
  JsonWriter json;
  json.begin_object();
  write(json.key("user"), *context.actor);
  json.field("csrf_token", context.session_csrf_token).end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http
