#include "http/routes.hpp"

#include <charconv>

#include "documents/table_reader.hpp"
#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"
#include "domain/audit_context.hpp"
#include "domain/certificate.hpp"
#include "services/authenticate.hpp"
#include "services/crypto.hpp"
#include "services/submit_project.hpp"

namespace diplomado::http {

// Read top to bottom: this is every route the server has, and who may call it.
const std::vector<Route>& route_table() {
  using enum Method;
  using enum Permission;
  static const std::vector<Route> routes{
      {get, "/healthz", public_access, handle_health},
      {get, "/readyz", public_access, handle_ready},
      {get, "/metrics", public_access, handle_metrics},

      {post, "/api/v1/session", public_access, handle_sign_in, 16 * 1024},
      {delete_, "/api/v1/session", signed_in, handle_sign_out},
      {get, "/api/v1/me", signed_in, handle_me},
      // Password links (invitations and resets): the token in the body, so no access log keeps it.
      // A reset is asked for by e-mail, with the same answer whether an account has it or not.
      {post, "/api/v1/password_resets", public_access, handle_request_password_reset, 16 * 1024},
      {post, "/api/v1/account_links/inspect", public_access, handle_inspect_account_link, 16 * 1024},
      {post, "/api/v1/account_links/redeem", public_access, handle_redeem_account_link, 16 * 1024},
      // Each user's own password (the current one is asked) and their other sessions.
      {put, "/api/v1/me/password", signed_in, handle_change_my_password, 16 * 1024},
      {delete_, "/api/v1/me/sessions", signed_in, handle_end_my_other_sessions},
      // Ley 81: the privacy notice, accepted (with its version) and withdrawn with one call each.
      {get, "/api/v1/consent", signed_in, handle_get_consent},
      {post, "/api/v1/consent", signed_in, handle_accept_consent, 16 * 1024},
      {delete_, "/api/v1/consent", signed_in, handle_withdraw_consent},
      // Ley 81: a participant asks a programme to correct what it holds about them (the use case
      // checks they are enrolled there); its coordinators resolve it with a note.
      {get, "/api/v1/me/correction_requests", signed_in, handle_my_correction_requests},
      {post, "/api/v1/me/correction_requests", signed_in, handle_request_correction, 16 * 1024},
      // Ley 81: everything held about the signed-in person, as a JSON file.
      {get, "/api/v1/me/data", signed_in, handle_export_my_data},
      // The account lifecycle is the site coordinator's: roles span programmes.
      {get, "/api/v1/users", manage_site, handle_list_users},
      {post, "/api/v1/users/{user_id}/disable", manage_site, handle_disable_user},
      {post, "/api/v1/users/{user_id}/enable", manage_site, handle_enable_user},
      {post, "/api/v1/users/{user_id}/grants", manage_site, handle_grant_role},
      {delete_, "/api/v1/users/{user_id}/grants/{grant_id}", manage_site, handle_revoke_role},
      {post, "/api/v1/users/{user_id}/password_reset", manage_site, handle_reset_password},
      {post, "/api/v1/users/{user_id}/password_link", manage_site, handle_send_password_link},
      {delete_, "/api/v1/users/{user_id}/sessions", manage_site, handle_end_user_sessions},

      {get, "/api/v1/institutions", signed_in, handle_list_institutions},
      // Any coordinator may add and edit institutions (the use case checks the role); merging
      // touches every programme's people, so it is the site coordinator's.
      {post, "/api/v1/institutions", signed_in, handle_create_institution},
      {put, "/api/v1/institutions/{institution_id}", signed_in, handle_update_institution},
      {post, "/api/v1/institutions/{institution_id}/merge", manage_site, handle_merge_institution},
      {get, "/api/v1/countries/{country}/subdivisions", signed_in, handle_list_subdivisions},
      {put, "/api/v1/countries/{country}/subdivisions", manage_site, handle_load_subdivisions, 4 * 1024 * 1024},

      {get, "/api/v1/programmes", signed_in, handle_list_programmes},
      {get, "/api/v1/countries", signed_in, handle_list_countries},
      // Programme setup: the site coordinator opens a course, names its coordinators and clones
      // an edition; the programme's coordinators edit it (If-Match) until it is closed.
      {post, "/api/v1/programmes", manage_site, handle_create_programme, 256 * 1024},
      {get, "/api/v1/programmes/{programme_id}", view_programme, handle_get_programme},
      {patch, "/api/v1/programmes/{programme_id}", manage_programme, handle_update_programme, 256 * 1024},
      {post, "/api/v1/programmes/{programme_id}/clones", manage_site, handle_clone_programme},
      {get, "/api/v1/programmes/{programme_id}/coordinators", manage_programme, handle_list_coordinators},
      {post, "/api/v1/programmes/{programme_id}/coordinators", manage_site, handle_name_coordinator},
      {get, "/api/v1/programmes/{programme_id}/setup", manage_programme, handle_get_setup},
      {get, "/api/v1/programmes/{programme_id}/participants", view_participants, handle_list_participants},
      {post, "/api/v1/programmes/{programme_id}/participants", manage_programme, handle_enrol_participant},
      // Participants' accounts: who has one, who was invited; invitations (all without a working account, or chosen).
      {get, "/api/v1/programmes/{programme_id}/invitations", manage_programme, handle_list_invitations},
      {post, "/api/v1/programmes/{programme_id}/invitations", manage_programme, handle_invite_participants, 1024 * 1024},
      {get, "/api/v1/programmes/{programme_id}/participants/export", manage_programme, handle_export_participants},
      {get, "/api/v1/programmes/{programme_id}/participants/{enrollment_id}", view_participants, handle_get_participant},
      {put, "/api/v1/programmes/{programme_id}/participants/{enrollment_id}/status", manage_programme, handle_change_enrollment_status},
      {get, "/api/v1/programmes/{programme_id}/correction_requests", manage_programme, handle_list_correction_requests},
      {post, "/api/v1/programmes/{programme_id}/correction_requests/{request_id}/resolve", manage_programme, handle_resolve_correction_request, 16 * 1024},
      // Ley 81's cancellation; the use case also checks every programme of the person.
      {post, "/api/v1/programmes/{programme_id}/participants/{enrollment_id}/anonymise", manage_programme, handle_anonymise_participant},
      // The file itself is the body (CSV or XLSX), up to 16 MiB; a larger one is refused from its headers.
      {post, "/api/v1/programmes/{programme_id}/participant_imports", manage_programme, handle_upload_participant_import, documents::max_table_bytes, BodyKind::file},
      {post, "/api/v1/programmes/{programme_id}/participant_imports/{import_id}/preview", manage_programme, handle_preview_participant_import},
      {post, "/api/v1/programmes/{programme_id}/participant_imports/{import_id}/commit", manage_programme, handle_commit_participant_import},
      {get, "/api/v1/programmes/{programme_id}/teams", view_programme, handle_list_teams},
      {post, "/api/v1/programmes/{programme_id}/teams", manage_programme, handle_create_team},
      {put, "/api/v1/programmes/{programme_id}/teams/{team_id}", manage_programme, handle_update_team},
      // A proposal changes nothing; applying it is one transaction.
      {post, "/api/v1/programmes/{programme_id}/team_formations", manage_programme, handle_propose_teams},
      {post, "/api/v1/programmes/{programme_id}/team_formations/apply", manage_programme, handle_apply_teams, 1024 * 1024},

      {get, "/api/v1/programmes/{programme_id}/gradebook", record_teaching, handle_get_gradebook},
      {get, "/api/v1/programmes/{programme_id}/gradebook/export", record_teaching, handle_export_gradebook},
      // Their own row, and a group leader's team: the use cases match the user by e-mail.
      {get, "/api/v1/programmes/{programme_id}/progress/me", view_programme, handle_get_my_progress},
      {get, "/api/v1/programmes/{programme_id}/progress/team", view_programme, handle_get_team_progress},
      // Observers (the donor) read the aggregate; the use case leaves out per-person rows for them.
      {get, "/api/v1/programmes/{programme_id}/knowledge_gain", view_programme, handle_get_knowledge_gain},
      {get, "/api/v1/programmes/{programme_id}/modules/{module}/grades", record_teaching, handle_get_grade_grid},
      {put, "/api/v1/programmes/{programme_id}/grades/{enrollment_id}/{assessment_id}", record_teaching, handle_record_grade},
      {post, "/api/v1/programmes/{programme_id}/grade_imports", record_teaching, handle_import_grades, documents::max_table_bytes, BodyKind::file},
      {get, "/api/v1/programmes/{programme_id}/sessions", view_programme, handle_list_sessions},
      {post, "/api/v1/programmes/{programme_id}/sessions", manage_programme, handle_create_session},
      {put, "/api/v1/programmes/{programme_id}/sessions/{session_id}", manage_programme, handle_update_session},
      {delete_, "/api/v1/programmes/{programme_id}/sessions/{session_id}", manage_programme, handle_delete_session},
      {get, "/api/v1/programmes/{programme_id}/assessments", record_teaching, handle_list_assessments},
      // Instructors see their modules: who teaches what, and the modules the caller teaches.
      {get, "/api/v1/programmes/{programme_id}/instructors", manage_programme, handle_list_instructors},
      {put, "/api/v1/programmes/{programme_id}/instructors/{user_id}/modules", manage_programme, handle_set_instructor_modules},
      {get, "/api/v1/programmes/{programme_id}/modules/mine", record_teaching, handle_get_my_modules},
      {post, "/api/v1/programmes/{programme_id}/assessments", manage_programme, handle_create_assessment},
      {put, "/api/v1/programmes/{programme_id}/assessments/{assessment_id}", manage_programme, handle_update_assessment},
      {delete_, "/api/v1/programmes/{programme_id}/assessments/{assessment_id}", manage_programme, handle_delete_assessment},
      {put, "/api/v1/programmes/{programme_id}/grading_policy", manage_programme, handle_update_grading_policy},
      {get, "/api/v1/programmes/{programme_id}/sessions/{session_id}/attendance", record_teaching, handle_get_attendance},
      {put, "/api/v1/programmes/{programme_id}/sessions/{session_id}/attendance", record_teaching, handle_record_attendance},

      // Final projects. Who sees a project is decided per project by the use cases (staff: all;
      // a juror: assigned and free of conflict; a participant: their team's).
      {get, "/api/v1/programmes/{programme_id}/projects", view_programme, handle_list_projects},
      {get, "/api/v1/programmes/{programme_id}/projects/mine", view_programme, handle_get_my_project},
      // Only participants and group leaders write a project: anyone else is refused before the body is read.
      {post, "/api/v1/programmes/{programme_id}/projects", submit_project, handle_submit_project, 256 * 1024},
      {get, "/api/v1/programmes/{programme_id}/projects/{project_id}", view_programme, handle_get_project},
      {post, "/api/v1/programmes/{programme_id}/projects/{project_id}/reopen", manage_programme, handle_reopen_project},
      // The PDF itself is the body, up to 20 MiB; a larger one is refused from its headers.
      {post, "/api/v1/programmes/{programme_id}/projects/{project_id}/attachments", submit_project, handle_add_attachment, services::attachment_limit_bytes, BodyKind::file},
      {get, "/api/v1/programmes/{programme_id}/projects/{project_id}/attachments/{attachment_id}", view_programme, handle_get_attachment},
      {get, "/api/v1/programmes/{programme_id}/project_settings", view_programme, handle_get_project_settings},
      {put, "/api/v1/programmes/{programme_id}/project_settings", manage_programme, handle_update_project_settings},
      {get, "/api/v1/programmes/{programme_id}/rubric", view_programme, handle_get_rubric},
      {put, "/api/v1/programmes/{programme_id}/rubric", manage_programme, handle_replace_rubric, 256 * 1024},
      {get, "/api/v1/programmes/{programme_id}/jurors", manage_programme, handle_list_jurors},
      {post, "/api/v1/programmes/{programme_id}/jurors", manage_programme, handle_add_juror},
      {post, "/api/v1/programmes/{programme_id}/jurors/{user_id}/conflicts", manage_programme, handle_declare_conflict},
      {post, "/api/v1/programmes/{programme_id}/jury_assignments", manage_programme, handle_assign_jurors},
      {get, "/api/v1/programmes/{programme_id}/jury_progress", manage_programme, handle_get_jury_progress},
      {get, "/api/v1/programmes/{programme_id}/reviews", review_projects, handle_list_my_reviews},
      {get, "/api/v1/programmes/{programme_id}/reviews/{project_id}", review_projects, handle_get_review},
      {put, "/api/v1/programmes/{programme_id}/reviews/{project_id}", review_projects, handle_submit_review},
      {get, "/api/v1/programmes/{programme_id}/ranking", view_ranking, handle_get_ranking},
      {get, "/api/v1/programmes/{programme_id}/ranking/{project_id}", view_ranking, handle_explain_ranking},
      {post, "/api/v1/programmes/{programme_id}/recognitions/best_project", manage_programme, handle_confirm_best_project},

      // Graduation: eligibility (with a what-if), overrides either way with a justification, and
      // the class's graduation, with a dry run.
      // The audit trail, filtered: the programme's coordinators read it; nobody edits it.
      {get, "/api/v1/programmes/{programme_id}/audit", manage_programme, handle_read_audit},
      {get, "/api/v1/programmes/{programme_id}/eligibility", manage_programme, handle_get_eligibility},
      // Closing: the donor report's indicators (observers: suppressed aggregates only).
      {get, "/api/v1/programmes/{programme_id}/indicators", view_reports, handle_get_indicators},
      {get, "/api/v1/programmes/{programme_id}/indicators/export", view_reports, handle_export_indicators},
      // Closing: the ceremony, its guests and the door check-in; the survey; the news release.
      {get, "/api/v1/programmes/{programme_id}/ceremony", manage_programme, handle_get_ceremony},
      {put, "/api/v1/programmes/{programme_id}/ceremony", manage_programme, handle_save_ceremony},
      {get, "/api/v1/programmes/{programme_id}/ceremony/protocol", manage_programme, handle_protocol_pdf},
      {post, "/api/v1/programmes/{programme_id}/ceremony/guests", manage_programme, handle_add_guest},
      {put, "/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}", manage_programme, handle_update_guest},
      {delete_, "/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}", manage_programme, handle_remove_guest},
      {put, "/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}/check_in", manage_programme, handle_check_in_guest},
      {get, "/api/v1/programmes/{programme_id}/survey", view_programme, handle_get_survey},
      {put, "/api/v1/programmes/{programme_id}/survey/questions", manage_programme, handle_save_survey_questions},
      {post, "/api/v1/programmes/{programme_id}/survey/responses", submit_project, handle_answer_survey},
      {get, "/api/v1/programmes/{programme_id}/news/{language}", manage_programme, handle_get_news},
      {put, "/api/v1/programmes/{programme_id}/news/{language}", manage_programme, handle_save_news},
      {get, "/api/v1/programmes/{programme_id}/news/{language}/export", manage_programme, handle_export_news},
      {put, "/api/v1/programmes/{programme_id}/participants/{enrollment_id}/graduation_override", manage_programme, handle_set_graduation_override, 16 * 1024},
      {delete_, "/api/v1/programmes/{programme_id}/participants/{enrollment_id}/graduation_override", manage_programme, handle_clear_graduation_override},
      {post, "/api/v1/programmes/{programme_id}/graduation", manage_programme, handle_graduate_class},

      // Certificates: settings, issuing, the batch, one PDF (its holder or the coordinators; the
      // use case checks), revocation; and the public check of a serial, rate-limited.
      {get, "/api/v1/programmes/{programme_id}/certificate_settings", manage_programme, handle_get_certificate_settings},
      {put, "/api/v1/programmes/{programme_id}/certificate_settings", manage_programme, handle_update_certificate_settings, 64 * 1024},
      // The image itself is the body; a logo over 1 MiB is refused from its headers.
      {post, "/api/v1/programmes/{programme_id}/certificate_settings/logos", manage_programme, handle_add_certificate_logo, maximum_logo_bytes, BodyKind::file},
      {delete_, "/api/v1/programmes/{programme_id}/certificate_settings/logos/{position}", manage_programme, handle_delete_certificate_logo},
      {post, "/api/v1/programmes/{programme_id}/certificates", manage_programme, handle_issue_certificates},
      {get, "/api/v1/programmes/{programme_id}/certificates", view_programme, handle_list_certificates},
      {get, "/api/v1/programmes/{programme_id}/certificates/archive", manage_programme, handle_get_certificates_archive},
      {get, "/api/v1/programmes/{programme_id}/certificates/{serial}/pdf", view_programme, handle_get_certificate_pdf},
      {post, "/api/v1/programmes/{programme_id}/certificates/{serial}/revocation", manage_programme, handle_revoke_certificate},
      {get, "/api/v1/programmes/{programme_id}/certificates/{serial}/credential", view_programme, handle_get_certificate_credential},
      {get, "/api/v1/verify/{serial}", public_access, handle_verify_certificate},
      // What a verifier needs, public: the signed revocation list and the issuer's key (did:web).
      {get, "/api/v1/status_list", public_access, handle_get_status_list},
      {get, "/.well-known/did.json", public_access, handle_get_did_document},
  };
  return routes;
}

bool match_route(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& parameters) {
  parameters.clear();
  while (!pattern.empty() && !path.empty()) {
    if (pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pattern_end = std::min(pattern.find('/'), pattern.size());
    const auto path_end = std::min(path.find('/'), path.size());
    const auto pattern_segment = pattern.substr(0, pattern_end);
    const auto path_segment = path.substr(0, path_end);
    if (pattern_segment.starts_with('{') && pattern_segment.ends_with('}')) {
      if (path_segment.empty()) return false;
      parameters.emplace(std::string(pattern_segment.substr(1, pattern_segment.size() - 2)), std::string(path_segment));
    } else if (pattern_segment != path_segment) {
      return false;
    }
    pattern.remove_prefix(pattern_end);
    path.remove_prefix(path_end);
  }
  return pattern.empty() && path.empty();
}

namespace {

HttpResponse problem(ErrorCode code, const char* key, Language language) { return problem_response(make_error(code, key), language); }

bool parse_id(const std::string& text, Id& id) {
  const auto [pointer, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  return error == std::errc{} && pointer == text.data() + text.size() && id > 0;
}

// Checks the session, the CSRF header and the route's permission; empty when the handler may run.
std::optional<HttpResponse> guard(const Route& route, RequestContext& context) {
  const bool state_changing = is_state_changing(context.method);
  if (route.permission == Permission::public_access) {
    // No session yet (sign-in): a custom header still has to be there. Browsers send one
    // cross-site only after a CORS preflight, which this server never grants.
    if (state_changing && context.csrf_header.empty()) return problem(ErrorCode::forbidden, "error.csrf", context.language);
    return std::nullopt;
  }

  context.session_token = context.cookie(session_cookie_name);
  auto authenticated = services::authenticate(context.app.store, context.app.sessions, context.session_token, context.app.now());
  if (!authenticated) return problem_response(authenticated.error(), context.language);
  context.actor = std::move(authenticated->actor);
  context.session_csrf_token = std::move(authenticated->csrf_token);
  context.store().saw_data_changes(authenticated->data_changes_seen);

  if (state_changing && !services::constant_time_equals(context.csrf_header, context.session_csrf_token))
    return problem(ErrorCode::forbidden, "error.csrf", context.language);

  std::optional<Id> programme_id;
  if (auto found = context.path_parameters.find("programme_id"); found != context.path_parameters.end()) {
    Id id = 0;
    if (!parse_id(found->second, id))
      return problem_response(field_error("programme_id", "not_positive_integer", "error.field.positive_integer", found->second), context.language);
    programme_id = id;
  }
  if (!is_allowed(*context.actor, route.permission, programme_id)) {
    // A programme the actor has no role in is answered as missing, so ids reveal nothing.
    if (programme_id && !can_view_programme(*context.actor, *programme_id))
      return problem(ErrorCode::not_found, "error.programme.not_found", context.language);
    return problem(ErrorCode::forbidden, "error.forbidden", context.language);
  }
  return std::nullopt;
}

}  // namespace

bool accepts(BodyKind kind, std::string_view content_type) {
  const auto type = content_type.substr(0, content_type.find(';'));
  // A file is sent as its own bytes: any type will do, since the reader looks at the content.
  return kind == BodyKind::file || type == "application/json";
}

HttpResponse payload_too_large(const Route& route, Language language) {
  constexpr std::size_t mebibyte = 1024 * 1024;
  const std::size_t limit = route.max_body_bytes;
  // Rounded up: a limit is never shown smaller than it is.
  const std::string named = limit >= mebibyte ? std::to_string((limit + mebibyte - 1) / mebibyte) + " MiB" : std::to_string((limit + 1023) / 1024) + " KiB";
  // A file sent as the body is named as the file, anything else as the body.
  const bool file = route.body == BodyKind::file;
  Error error = make_error(ErrorCode::payload_too_large, file ? "error.file.too_large" : "error.payload_too_large");
  error.details.push_back({file ? "file" : "body", std::nullopt, "too_large", "error.payload_too_large_limit", named});
  return problem_response(error, language);
}

Admission admit(RequestContext& context) {
  const Route* matched = nullptr;
  bool path_known = false;
  std::map<std::string, std::string> parameters;
  const Method method = context.method == Method::head ? Method::get : context.method;
  for (const auto& route : route_table()) {
    if (!match_route(route.pattern, context.path, parameters)) continue;
    path_known = true;
    if (route.method == method) {
      matched = &route;
      break;
    }
  }
  if (!matched) return {nullptr, problem(path_known ? ErrorCode::method_not_allowed : ErrorCode::not_found,
                                         path_known ? "error.method_not_allowed" : "error.route_not_found", context.language),
                         nullptr};
  match_route(matched->pattern, context.path, parameters);
  context.path_parameters = std::move(parameters);

  // Who is asking comes first: a caller without a session learns nothing about limits or types.
  if (auto refused = guard(*matched, context)) return {nullptr, std::move(refused), matched};
  if (context.declared_length && *context.declared_length > matched->max_body_bytes)
    return {nullptr, payload_too_large(*matched, context.language), matched};
  if (context.has_body && !accepts(matched->body, context.content_type))
    return {nullptr, problem(ErrorCode::unsupported_media_type, "error.unsupported_media_type", context.language), matched};
  return {matched, std::nullopt, matched};
}

HttpResponse respond(const Route& route, RequestContext& context) {
  if (context.body.size() > route.max_body_bytes) return payload_too_large(route, context.language);
  if (route.body == BodyKind::file && !context.upload) {
    auto spooled = services::Upload::from_bytes(context.app.store.files(), context.body);
    if (!spooled) return problem_response(spooled.error(), context.language);
    context.upload = std::move(*spooled);
    context.body.clear();
  }
  // Every audit event of this request names it and its programme; the answer names it too.
  AuditContext audit{services::random_hex(8), std::nullopt};
  if (auto found = context.path_parameters.find("programme_id"); found != context.path_parameters.end()) {
    Id id = 0;
    if (parse_id(found->second, id)) audit.programme_id = id;
  }
  const std::string request_id = audit.request_id;
  AuditScope scope(std::move(audit));
  auto response = route.handler(context);
  response.headers.emplace_back("X-Request-Id", request_id);
  return response;
}

HttpResponse dispatch(RequestContext& context) {
  if (!context.declared_length) context.declared_length = context.body.size();
  context.has_body = context.has_body || !context.body.empty();
  auto admission = admit(context);
  if (!admission.route) return std::move(*admission.refusal);
  return respond(*admission.route, context);
}

}  // namespace diplomado::http
