#pragma once
// Handlers: parse the request, call one service, map the result. Nothing else.
#include "documents/table_writer.hpp"
#include "domain/participant_import.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

HttpResponse handle_health(RequestContext& context);
HttpResponse handle_ready(RequestContext& context);
HttpResponse handle_metrics(RequestContext& context);

HttpResponse handle_sign_in(RequestContext& context);
HttpResponse handle_sign_out(RequestContext& context);
HttpResponse handle_me(RequestContext& context);

HttpResponse handle_list_programmes(RequestContext& context);
HttpResponse handle_get_programme(RequestContext& context);

HttpResponse handle_list_participants(RequestContext& context);
HttpResponse handle_export_participants(RequestContext& context);
HttpResponse handle_get_participant(RequestContext& context);
HttpResponse handle_enrol_participant(RequestContext& context);
HttpResponse handle_change_enrollment_status(RequestContext& context);
HttpResponse handle_upload_participant_import(RequestContext& context);
HttpResponse handle_preview_participant_import(RequestContext& context);
HttpResponse handle_commit_participant_import(RequestContext& context);

HttpResponse handle_list_institutions(RequestContext& context);
HttpResponse handle_create_institution(RequestContext& context);
HttpResponse handle_update_institution(RequestContext& context);
HttpResponse handle_merge_institution(RequestContext& context);
HttpResponse handle_list_subdivisions(RequestContext& context);
HttpResponse handle_load_subdivisions(RequestContext& context);

HttpResponse handle_list_teams(RequestContext& context);
HttpResponse handle_create_team(RequestContext& context);
HttpResponse handle_update_team(RequestContext& context);
HttpResponse handle_propose_teams(RequestContext& context);
HttpResponse handle_apply_teams(RequestContext& context);

HttpResponse handle_get_eligibility(RequestContext& context);
// Closing (issue 14).
HttpResponse handle_get_indicators(RequestContext& context);
HttpResponse handle_export_indicators(RequestContext& context);
HttpResponse handle_get_ceremony(RequestContext& context);
HttpResponse handle_save_ceremony(RequestContext& context);
HttpResponse handle_protocol_pdf(RequestContext& context);
HttpResponse handle_add_guest(RequestContext& context);
HttpResponse handle_update_guest(RequestContext& context);
HttpResponse handle_remove_guest(RequestContext& context);
HttpResponse handle_check_in_guest(RequestContext& context);
HttpResponse handle_get_survey(RequestContext& context);
HttpResponse handle_save_survey_questions(RequestContext& context);
HttpResponse handle_answer_survey(RequestContext& context);
HttpResponse handle_get_news(RequestContext& context);
HttpResponse handle_save_news(RequestContext& context);
HttpResponse handle_export_news(RequestContext& context);
HttpResponse handle_set_graduation_override(RequestContext& context);
HttpResponse handle_clear_graduation_override(RequestContext& context);
HttpResponse handle_graduate_class(RequestContext& context);

HttpResponse handle_get_certificate_settings(RequestContext& context);
HttpResponse handle_update_certificate_settings(RequestContext& context);
HttpResponse handle_add_certificate_logo(RequestContext& context);
HttpResponse handle_delete_certificate_logo(RequestContext& context);
HttpResponse handle_issue_certificates(RequestContext& context);
HttpResponse handle_list_certificates(RequestContext& context);
HttpResponse handle_get_certificate_pdf(RequestContext& context);
HttpResponse handle_get_certificates_archive(RequestContext& context);
HttpResponse handle_revoke_certificate(RequestContext& context);
HttpResponse handle_verify_certificate(RequestContext& context);
HttpResponse handle_get_certificate_credential(RequestContext& context);
HttpResponse handle_get_status_list(RequestContext& context);
HttpResponse handle_get_did_document(RequestContext& context);

HttpResponse handle_get_gradebook(RequestContext& context);
HttpResponse handle_export_gradebook(RequestContext& context);
HttpResponse handle_import_grades(RequestContext& context);
HttpResponse handle_get_my_progress(RequestContext& context);
HttpResponse handle_get_team_progress(RequestContext& context);
HttpResponse handle_get_grade_grid(RequestContext& context);
HttpResponse handle_list_sessions(RequestContext& context);
HttpResponse handle_create_session(RequestContext& context);
HttpResponse handle_create_assessment(RequestContext& context);
HttpResponse handle_update_session(RequestContext& context);
HttpResponse handle_delete_session(RequestContext& context);
HttpResponse handle_list_assessments(RequestContext& context);
HttpResponse handle_list_instructors(RequestContext& context);
HttpResponse handle_set_instructor_modules(RequestContext& context);
HttpResponse handle_get_my_modules(RequestContext& context);
HttpResponse handle_update_assessment(RequestContext& context);
HttpResponse handle_delete_assessment(RequestContext& context);
HttpResponse handle_update_grading_policy(RequestContext& context);
HttpResponse handle_get_attendance(RequestContext& context);
HttpResponse handle_get_knowledge_gain(RequestContext& context);
HttpResponse handle_record_grade(RequestContext& context);
HttpResponse handle_record_attendance(RequestContext& context);

HttpResponse handle_list_projects(RequestContext& context);
HttpResponse handle_get_my_project(RequestContext& context);
HttpResponse handle_get_project(RequestContext& context);
HttpResponse handle_submit_project(RequestContext& context);
HttpResponse handle_reopen_project(RequestContext& context);
HttpResponse handle_add_attachment(RequestContext& context);
HttpResponse handle_get_attachment(RequestContext& context);
HttpResponse handle_get_project_settings(RequestContext& context);
HttpResponse handle_update_project_settings(RequestContext& context);
HttpResponse handle_get_rubric(RequestContext& context);
HttpResponse handle_replace_rubric(RequestContext& context);
HttpResponse handle_list_jurors(RequestContext& context);
HttpResponse handle_add_juror(RequestContext& context);
HttpResponse handle_declare_conflict(RequestContext& context);
HttpResponse handle_assign_jurors(RequestContext& context);
HttpResponse handle_get_jury_progress(RequestContext& context);
HttpResponse handle_list_my_reviews(RequestContext& context);
HttpResponse handle_get_review(RequestContext& context);
HttpResponse handle_submit_review(RequestContext& context);
HttpResponse handle_get_ranking(RequestContext& context);
HttpResponse handle_explain_ranking(RequestContext& context);
HttpResponse handle_confirm_best_project(RequestContext& context);

HttpResponse handle_create_programme(RequestContext& context);
HttpResponse handle_update_programme(RequestContext& context);
HttpResponse handle_clone_programme(RequestContext& context);
HttpResponse handle_list_coordinators(RequestContext& context);
HttpResponse handle_name_coordinator(RequestContext& context);
HttpResponse handle_get_setup(RequestContext& context);
HttpResponse handle_list_countries(RequestContext& context);

HttpResponse handle_list_users(RequestContext& context);
HttpResponse handle_disable_user(RequestContext& context);
HttpResponse handle_enable_user(RequestContext& context);
HttpResponse handle_grant_role(RequestContext& context);
HttpResponse handle_revoke_role(RequestContext& context);
HttpResponse handle_reset_password(RequestContext& context);
HttpResponse handle_end_user_sessions(RequestContext& context);
HttpResponse handle_change_my_password(RequestContext& context);
HttpResponse handle_end_my_other_sessions(RequestContext& context);
HttpResponse handle_read_audit(RequestContext& context);
HttpResponse handle_export_my_data(RequestContext& context);
HttpResponse handle_request_password_reset(RequestContext& context);
HttpResponse handle_inspect_account_link(RequestContext& context);
HttpResponse handle_redeem_account_link(RequestContext& context);
HttpResponse handle_list_invitations(RequestContext& context);
HttpResponse handle_get_consent(RequestContext& context);
HttpResponse handle_send_password_link(RequestContext& context);
HttpResponse handle_my_correction_requests(RequestContext& context);
HttpResponse handle_request_correction(RequestContext& context);
HttpResponse handle_list_correction_requests(RequestContext& context);
HttpResponse handle_resolve_correction_request(RequestContext& context);
HttpResponse handle_accept_consent(RequestContext& context);
HttpResponse handle_withdraw_consent(RequestContext& context);
HttpResponse handle_anonymise_participant(RequestContext& context);
HttpResponse handle_invite_participants(RequestContext& context);

// Shared by handlers: the numeric {programme_id} of the path (validated by the dispatcher).
Id programme_id_of(const RequestContext& context);
// Another id of the path, if it is a positive whole number; and the 400 that names it otherwise.
std::optional<Id> path_id(const RequestContext& context, const std::string& name);
HttpResponse bad_path_id(const RequestContext& context, const std::string& name);
// An import refused whole (422): one bad row and nothing is written; every row's problem is listed.
HttpResponse rows_in_error(const std::vector<ImportIssue>& issues, Language language);
// A file read whole and refused (its rows, or what it is): 422 rather than 400, since the request itself was well formed.
Error refused_whole(Error error);
// An export's ?format= (csv, the default, or xlsx), and the 400 that names any other.
Result<std::string> export_format(const RequestContext& context);
// A table as a download (never cached): "<file_name>.<format>" in the reader's language.
// A file as an attachment named `file_name` (extension included), never cached.
HttpResponse file_response(std::string body, std::string content_type, const std::string& file_name);
HttpResponse table_file_response(const documents::Table& table, const std::string& format, Language language, const std::string& file_name);
// The version an If-Match header names ("7", "\"7\"" or W/"7"); empty when there is none.
Result<std::optional<std::int64_t>> if_match_version(const RequestContext& context);
// The same, for edits that must name the version they replace: a 400 when there is none.
Result<std::int64_t> required_version(const RequestContext& context);

}  // namespace diplomado::http
