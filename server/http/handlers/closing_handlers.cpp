// Closing the course (issue 14): the donor report's indicators, as JSON and as files.
#include "documents/closing_report.hpp"
#include "documents/indicator_report.hpp"
#include "documents/news_document.hpp"
#include "documents/protocol_pdf.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/problem.hpp"
#include "json/domain_reader.hpp"
#include "services/close_programme.hpp"
#include "services/report_indicators.hpp"

namespace diplomado::http {

namespace {

struct CheckInBody {
  bool arrived = true;
};
void describe(BodyReader& body, CheckInBody& value) { body.required("arrived", value.arrived); }

struct QuestionsBody {
  std::vector<SurveyQuestion> questions;
};
void describe(BodyReader& body, QuestionsBody& value) { body.required("questions", value.questions, {.max_items = 50}); }

struct AnswerBody {
  Id question_id = 0;
  std::optional<int> value;
  std::string text;
};
void describe(BodyReader& body, AnswerBody& answer) {
  body.required("question_id", answer.question_id, {.min = 1}).nullable("value", answer.value, {.min = -1000, .max = 1000}).optional("text", answer.text, {.max_length = 2000});
}

struct ResponseBody {
  std::vector<AnswerBody> answers;
};
void describe(BodyReader& body, ResponseBody& value) { body.required("answers", value.answers, {.max_items = 50}); }

struct NewsBody {
  std::string body;
};
void describe(BodyReader& reader, NewsBody& value) { reader.required("body", value.body, {.max_length = 100000}); }

Result<Language> language_of_path(const RequestContext& context) {
  const auto found = context.path_parameters.find("language");
  const std::string text = found == context.path_parameters.end() ? "" : found->second;
  if (text == "es") return Language::es;
  if (text == "en") return Language::en;
  return std::unexpected(field_error("language", "unknown_value", "error.field.unknown_value", text));
}

// ?shared=true: the version for sharing (small counts hidden). Observers get it whatever they ask.
Result<services::ReportAudience> audience_of(const RequestContext& context) {
  const auto shared = context.query_value("shared");
  if (!shared || shared->empty() || *shared == "false") return services::ReportAudience::programme;
  if (*shared == "true") return services::ReportAudience::shared;
  return std::unexpected(field_error("shared", "unknown_value", "error.field.unknown_value", std::string(*shared)));
}

}  // namespace

HttpResponse handle_get_indicators(RequestContext& context) {
  const auto audience = audience_of(context);
  if (!audience) return problem_response(audience.error(), context.language);
  auto report = services::get_indicators(context.store(), context.actor, programme_id_of(context), *audience, context.app.small_cell_threshold);
  if (!report) return problem_response(report.error(), context.language);
  return json_response(200, documents::indicators_json(*report));
}

// ?format=xlsx (a cover and one sheet per table) | csv (one line per count); ?lang=es|en.
HttpResponse handle_export_indicators(RequestContext& context) {
  const auto audience = audience_of(context);
  if (!audience) return problem_response(audience.error(), context.language);
  const auto format = export_format(context);
  if (!format) return problem_response(format.error(), context.language);
  auto report = services::get_indicators(context.store(), context.actor, programme_id_of(context), *audience, context.app.small_cell_threshold);
  if (!report) return problem_response(report.error(), context.language);
  const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
  const auto file_name = translate("report.export.file_name", language) + "-" + report->programme_code;
  if (*format == "csv") return table_file_response(documents::indicator_long_table(*report, language), *format, language, file_name);
  auto bytes = documents::workbook_xlsx(documents::indicator_workbook(*report, language));
  if (!bytes) return problem_response(bytes.error(), language);
  return file_response(std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file_name + ".xlsx");
}

HttpResponse handle_get_ceremony(RequestContext& context) {
  auto view = services::get_ceremony(context.store(), *context.actor, programme_id_of(context));
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::ceremony_json(*view));
}

// ?lang=es|en: the protocol list as PDF, in order of precedence.
HttpResponse handle_protocol_pdf(RequestContext& context) {
  auto view = services::get_ceremony(context.store(), *context.actor, programme_id_of(context));
  if (!view) return problem_response(view.error(), context.language);
  const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
  return file_response(documents::protocol_pdf(*view, language), "application/pdf", translate("protocol.file_name", language) + ".pdf");
}

// If-Match: the ceremony's version; absent the first time.
HttpResponse handle_save_ceremony(RequestContext& context) {
  auto body = read_body<Ceremony>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto view = services::save_ceremony(context.store(), *context.actor, programme_id_of(context), *body, version->value_or(0), context.app.now());
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::ceremony_json(*view));
}

HttpResponse handle_add_guest(RequestContext& context) {
  auto body = read_body<Guest>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto guest = services::add_guest(context.store(), *context.actor, programme_id_of(context), *body, context.app.now());
  if (!guest) return problem_response(guest.error(), context.language);
  return json_response(201, documents::guest_json(*guest));
}

HttpResponse handle_update_guest(RequestContext& context) {
  const auto guest_id = path_id(context, "guest_id");
  if (!guest_id) return bad_path_id(context, "guest_id");
  auto body = read_body<Guest>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  body->id = *guest_id;
  auto guest = services::update_guest(context.store(), *context.actor, programme_id_of(context), *body, *version, context.app.now());
  if (!guest) return problem_response(guest.error(), context.language);
  return json_response(200, documents::guest_json(*guest));
}

HttpResponse handle_remove_guest(RequestContext& context) {
  const auto guest_id = path_id(context, "guest_id");
  if (!guest_id) return bad_path_id(context, "guest_id");
  auto removed = services::remove_guest(context.store(), *context.actor, programme_id_of(context), *guest_id, context.app.now());
  if (!removed) return problem_response(removed.error(), context.language);
  return HttpResponse{204, "application/json", "", {}};
}

// Body: {"arrived": true} at the door; false undoes a wrong tap.
HttpResponse handle_check_in_guest(RequestContext& context) {
  const auto guest_id = path_id(context, "guest_id");
  if (!guest_id) return bad_path_id(context, "guest_id");
  auto body = read_body<CheckInBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto counts = services::check_in_guest(context.store(), *context.actor, programme_id_of(context), *guest_id, body->arrived, context.app.now());
  if (!counts) return problem_response(counts.error(), context.language);
  return json_response(200, documents::guest_counts_json(*counts));
}

HttpResponse handle_get_survey(RequestContext& context) {
  auto view = services::get_survey(context.store(), *context.actor, programme_id_of(context));
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::survey_json(*view));
}

HttpResponse handle_save_survey_questions(RequestContext& context) {
  auto body = read_body<QuestionsBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto view = services::save_survey_questions(context.store(), *context.actor, programme_id_of(context), body->questions, context.app.now());
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::survey_json(*view));
}

HttpResponse handle_answer_survey(RequestContext& context) {
  auto body = read_body<ResponseBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  std::vector<services::SurveyAnswer> answers;
  for (auto& answer : body->answers) answers.push_back({answer.question_id, answer.value, std::move(answer.text)});
  auto done = services::answer_survey(context.store(), *context.actor, programme_id_of(context), answers, context.app.now());
  if (!done) return problem_response(done.error(), context.language);
  return HttpResponse{204, "application/json", "", {}};
}

HttpResponse handle_get_news(RequestContext& context) {
  auto language = language_of_path(context);
  if (!language) return problem_response(language.error(), context.language);
  auto view = services::get_news(context.store(), context.actor, programme_id_of(context), *language);
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::news_json(*view, context.language));
}

// If-Match: the saved draft's version; absent for the first save.
HttpResponse handle_save_news(RequestContext& context) {
  auto language = language_of_path(context);
  if (!language) return problem_response(language.error(), context.language);
  auto body = read_body<NewsBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto version = if_match_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto view = services::save_news(context.store(), *context.actor, programme_id_of(context), *language, body->body, version->value_or(0), context.app.now());
  if (!view) return problem_response(view.error(), context.language);
  return json_response(200, documents::news_json(*view, context.language));
}

// ?format=md|odt: the saved draft if there is one, else the one generated from the data.
HttpResponse handle_export_news(RequestContext& context) {
  auto language = language_of_path(context);
  if (!language) return problem_response(language.error(), context.language);
  const auto format = std::string(context.query_value("format").value_or("md"));
  if (format != "md" && format != "odt") return problem_response(field_error("format", "unknown_format", "error.field.export_format", format), context.language);
  auto view = services::get_news(context.store(), context.actor, programme_id_of(context), *language);
  if (!view) return problem_response(view.error(), context.language);
  const auto& text = view->saved ? view->saved->body : view->generated.markdown;
  const auto file_name = translate("news.file_name", *language) + "." + format;
  if (format == "md") return file_response(text, "text/markdown; charset=utf-8", file_name);
  auto odt = documents::news_odt(text, *language);
  if (!odt) return problem_response(odt.error(), context.language);
  return file_response(std::move(*odt), "application/vnd.oasis.opendocument.text", file_name);
}

}  // namespace diplomado::http
