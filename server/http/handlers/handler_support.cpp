// Small parsers every handler shares: ids in the path and the version in If-Match.
#include <charconv>

#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"

namespace diplomado::http {

std::optional<Id> path_id(const RequestContext& context, const std::string& name) {
  const auto& text = context.path_parameters.at(name);
  Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

HttpResponse bad_path_id(const RequestContext& context, const std::string& name) {
  return problem_response(field_error(name, "not_positive_integer", "error.field.positive_integer", context.path_parameters.at(name)), context.language);
}

HttpResponse rows_in_error(const std::vector<ImportIssue>& issues, Language language) {
  Error error = make_error(ErrorCode::unprocessable, "error.import.has_errors");
  for (const auto& issue : issues)
    error.details.push_back({issue.field.empty() ? std::string("row") : issue.field, issue.row, issue.code, issue.message_key, issue.value});
  return problem_response(error, language);
}

Error refused_whole(Error error) {
  if (error.code == ErrorCode::invalid_input) error.code = ErrorCode::unprocessable;
  return error;
}

Result<std::optional<std::int64_t>> if_match_version(const RequestContext& context) {
  if (context.if_match.empty()) return std::optional<std::int64_t>{};
  std::string_view text = context.if_match;
  if (text.starts_with("W/")) text.remove_prefix(2);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  std::int64_t version = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), version);
  if (error != std::errc{} || end != text.data() + text.size() || version <= 0)
    return std::unexpected(field_error("If-Match", "invalid_version", "error.field.positive_integer", context.if_match));
  return std::optional<std::int64_t>{version};
}

Result<std::int64_t> required_version(const RequestContext& context) {
  auto version = if_match_version(context);
  if (!version) return std::unexpected(version.error());
  if (!*version) return std::unexpected(field_error("If-Match", "required", "error.field.required"));
  return **version;
}

Result<std::string> export_format(const RequestContext& context) {
  auto format = std::string(context.query_value("format").value_or("csv"));
  if (format != "csv" && format != "xlsx") return std::unexpected(field_error("format", "unknown_format", "error.field.export_format", format));
  return format;
}

HttpResponse file_response(std::string body, std::string content_type, const std::string& file_name) {
  HttpResponse response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse table_file_response(const documents::Table& table, const std::string& format, Language language, const std::string& file_name) {
  if (format == "xlsx") {
    auto bytes = documents::table_xlsx(table);
    if (!bytes) return problem_response(bytes.error(), language);
    return file_response(std::move(*bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file_name + ".xlsx");
  }
  return file_response(documents::table_csv(table, language), "text/csv; charset=utf-8", file_name + "." + format);
}

}  // namespace diplomado::http
