// Closing the course (issue 14): the donor report's indicators, as JSON and as files.
#include "documents/indicator_report.hpp"
#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"
#include "services/report_indicators.hpp"

namespace diplomado::http {
namespace {

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
  auto report = services::get_indicators(context.app.store, context.actor, programme_id_of(context), *audience, context.app.small_cell_threshold);
  if (!report) return problem_response(report.error(), context.language);
  return json_response(200, documents::indicators_json(*report));
}

// ?format=xlsx (a cover and one sheet per table) | csv (one line per count); ?lang=es|en.
HttpResponse handle_export_indicators(RequestContext& context) {
  const auto audience = audience_of(context);
  if (!audience) return problem_response(audience.error(), context.language);
  const auto format = export_format(context);
  if (!format) return problem_response(format.error(), context.language);
  auto report = services::get_indicators(context.app.store, context.actor, programme_id_of(context), *audience, context.app.small_cell_threshold);
  if (!report) return problem_response(report.error(), context.language);
  const auto language = context.query_value("lang") ? pick_language(*context.query_value("lang")) : context.language;
  const auto file_name = translate("report.export.file_name", language) + "-" + report->programme_code;
  if (*format == "csv") return table_file_response(documents::indicator_long_table(*report, language), *format, language, file_name);
  auto bytes = documents::workbook_xlsx(documents::indicator_workbook(*report, language));
  if (!bytes) return problem_response(bytes.error(), language);
  HttpResponse response;
  response.body = std::move(*bytes);
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + ".xlsx\"");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace diplomado::http
