// Invitations and password links over HTTP (issue 15). The public routes take the token in the
// body, never in an address, so no access log (ours or a proxy's) records it.
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/problem.hpp"
#include "services/account_links.hpp"
#include "services/correction_requests.hpp"

namespace diplomado::http {

struct PasswordResetBody {
  std::string email;
};
static void describe(BodyReader& body, PasswordResetBody& reset) { body.required("email", reset.email, {.max_length = 320}); }

struct AccountLinkBody {
  std::string token;
};
static void describe(BodyReader& body, AccountLinkBody& link) { body.required("token", link.token, {.max_length = 128}); }

struct RedeemBody {
  std::string token;
  std::string password;
};
static void describe(BodyReader& body, RedeemBody& redeem) {
  // The password's own rule is the use case's; this bound only stops abuse.
  body.required("token", redeem.token, {.max_length = 128}).required("password", redeem.password, {.max_length = 4096});
}

struct InvitationBody {
  std::optional<std::vector<std::int64_t>> enrollment_ids;
};
static void describe(BodyReader& body, InvitationBody& invitation) {
  body.optional("enrollment_ids", invitation.enrollment_ids, {.min = 1, .max_items = 100000});
}

namespace {

HttpResponse consent_response(const services::ConsentNotice& notice, const services::ConsentState& state) {
  JsonWriter json;
  json.begin_object()
      .field("version", notice.version)
      .key("title").begin_object().field("es", notice.title.es).field("en", notice.title.en).end_object()
      .key("body").begin_object().field("es", notice.body.es).field("en", notice.body.en).end_object()
      .field("needed", state.needed)
      .key("accepted_version").text_or_null(state.accepted_version)
      .key("accepted_at").text_or_null(state.accepted_at)
      .key("withdrawn_at").text_or_null(state.withdrawn_at)
      .end_object();
  return json_response(200, json.take());
}

void write_request(JsonWriter& json, const CorrectionRequest& row) {
  json.begin_object()
      .field("id", row.id)
      .field("programme_id", row.programme_id)
      .field("programme_code", row.programme_code)
      .field("enrollment_id", row.enrollment_id)
      .field("person_name", row.person_name)
      .field("request", row.request)
      .field("created_at", row.created_at)
      .key("resolved_at").text_or_null(row.resolved_at)
      .field("resolution", row.resolution)
      .end_object();
}

HttpResponse requests_response(const std::vector<CorrectionRequest>& rows) {
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& row : rows) write_request(json, row);
  json.end_array().end_object();
  return json_response(200, json.take());
}

HttpResponse request_response(int status, const CorrectionRequest& row) {
  JsonWriter json;
  write_request(json, row);
  return json_response(status, json.take());
}

HttpResponse no_notice(const RequestContext& context) {
  return problem_response(make_error(ErrorCode::unavailable, "error.consent.notice_file"), context.language);
}

}  // namespace

struct CorrectionBody {
  std::int64_t programme_id = 0;
  std::string request;
};
static void describe(BodyReader& body, CorrectionBody& correction) {
  body.required("programme_id", correction.programme_id, {.min = 1}).required("request", correction.request, {.max_length = 4000});
}

struct ResolutionBody {
  std::string resolution;
};
static void describe(BodyReader& body, ResolutionBody& resolution) { body.required("resolution", resolution.resolution, {.max_length = 4000}); }

HttpResponse handle_my_correction_requests(RequestContext& context) {
  auto rows = services::my_correction_requests(context.store(), *context.actor);
  if (!rows) return problem_response(rows.error(), context.language);
  return requests_response(*rows);
}

HttpResponse handle_request_correction(RequestContext& context) {
  auto body = read_body<CorrectionBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto made = services::request_correction(context.store(), *context.actor, body->programme_id, body->request, context.app.now());
  if (!made) return problem_response(made.error(), context.language);
  return request_response(201, *made);
}

HttpResponse handle_list_correction_requests(RequestContext& context) {
  auto rows = services::list_correction_requests(context.store(), *context.actor, programme_id_of(context));
  if (!rows) return problem_response(rows.error(), context.language);
  return requests_response(*rows);
}

HttpResponse handle_resolve_correction_request(RequestContext& context) {
  const auto request_id = path_id(context, "request_id");
  if (!request_id) return bad_path_id(context, "request_id");
  auto body = read_body<ResolutionBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto resolved = services::resolve_correction(context.store(), *context.actor, programme_id_of(context), *request_id, body->resolution, context.app.now());
  if (!resolved) return problem_response(resolved.error(), context.language);
  return request_response(200, *resolved);
}

struct ConsentBody {
  std::string version;
};
static void describe(BodyReader& body, ConsentBody& consent) { body.required("version", consent.version, {.max_length = 64}); }

HttpResponse handle_get_consent(RequestContext& context) {
  if (!context.app.consent_notice) return no_notice(context);
  return consent_response(*context.app.consent_notice, services::consent_state(context.store(), *context.actor, *context.app.consent_notice));
}

HttpResponse handle_accept_consent(RequestContext& context) {
  if (!context.app.consent_notice) return no_notice(context);
  auto body = read_body<ConsentBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto state = services::accept_consent(context.store(), *context.actor, *context.app.consent_notice, body->version, context.app.now());
  if (!state) return problem_response(state.error(), context.language);
  return consent_response(*context.app.consent_notice, *state);
}

HttpResponse handle_withdraw_consent(RequestContext& context) {
  if (!context.app.consent_notice) return no_notice(context);
  auto state = services::withdraw_consent(context.store(), *context.actor, *context.app.consent_notice, context.app.now());
  if (!state) return problem_response(state.error(), context.language);
  return consent_response(*context.app.consent_notice, *state);
}

HttpResponse handle_request_password_reset(RequestContext& context) {
  auto body = read_body<PasswordResetBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto requested = services::request_password_reset(context.store(), body->email, context.client_address, context.app.public_url, context.app.now());
  if (!requested) return problem_response(requested.error(), context.language);
  return json_response(202, "{}");
}

HttpResponse handle_inspect_account_link(RequestContext& context) {
  auto body = read_body<AccountLinkBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto link = services::inspect_account_link(context.store(), body->token, context.app.now());
  if (!link) return problem_response(link.error(), context.language);
  JsonWriter json;
  json.begin_object()
      .field("purpose", link->purpose)
      .field("email", link->email)
      .field("display_name", link->display_name)
      .field("expires_at", link->expires_at)
      .end_object();
  return json_response(200, json.take());
}

HttpResponse handle_redeem_account_link(RequestContext& context) {
  auto body = read_body<RedeemBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto redeemed = services::redeem_account_link(context.store(), context.app.sessions, body->token, body->password, context.app.now());
  if (!redeemed) return problem_response(redeemed.error(), context.language);
  return HttpResponse{204, "", "", {}};
}

HttpResponse handle_list_invitations(RequestContext& context) {
  auto rows = services::list_invitations(context.store(), *context.actor, programme_id_of(context), context.app.now());
  if (!rows) return problem_response(rows.error(), context.language);
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& row : *rows)
    json.begin_object()
        .field("enrollment_id", row.enrollment_id)
        .field("name", row.name)
        .field("has_email", row.has_email)
        .field("withdrawn", row.withdrawn)
        .field("account", services::to_string(row.account))
        .key("invited_at").text_or_null(row.invited_at)
        .key("expires_at").text_or_null(row.expires_at)
        .end_object();
  json.end_array().end_object();
  return json_response(200, json.take());
}

HttpResponse handle_invite_participants(RequestContext& context) {
  auto body = read_body<InvitationBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  std::optional<std::vector<Id>> chosen;
  if (body->enrollment_ids) chosen.emplace(body->enrollment_ids->begin(), body->enrollment_ids->end());
  auto summary = services::invite_participants(context.store(), *context.actor, programme_id_of(context), chosen, context.app.public_url,
                                               context.app.now());
  if (!summary) return problem_response(summary.error(), context.language);
  JsonWriter json;
  json.begin_object().field("invited", summary->invited).field("already_active", summary->already_active).key("skipped").begin_array();
  for (const auto& skip : summary->skipped)
    json.begin_object().field("enrollment_id", skip.enrollment_id).field("name", skip.name).field("reason", skip.reason).end_object();
  json.end_array().end_object();
  return json_response(200, json.take());
}

}  // namespace diplomado::http
