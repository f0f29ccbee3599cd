#include "documents/import_report.hpp"

#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace diplomado::documents {

// The wizard's body for preview and commit: {"mapping": {"<field>": column index | null},
// "create_institutions": false}.
struct MappingBody {
  std::map<std::string, std::optional<long long>> mapping;
  bool create_institutions = false;
};

}  // namespace diplomado::documents

namespace diplomado {
static void describe(BodyReader& body, documents::MappingBody& mapping) {
  body.required("mapping", mapping.mapping).optional("create_institutions", mapping.create_institutions);
}
}  // namespace diplomado

namespace diplomado::documents {
namespace {

const char* action_name(ImportAction action) {
  switch (action) {
    case ImportAction::create: return "create";
    case ImportAction::update: return "update";
    case ImportAction::unchanged: return "unchanged";
  }
  return "create";
}

void write_errors(JsonWriter& json, const std::vector<ImportIssue>& issues, Language language) {
  json.key("errors").begin_array();
  for (const auto& issue : issues)
    json.begin_object()
        .field("row", static_cast<std::int64_t>(issue.row))
        .field("field", issue.field)
        .field("column", issue.column)
        .field("code", issue.code)
        .field("message", translate(issue.message_key, language))
        .field("value", issue.value)
        .end_object();
  json.end_array();
}

void write_shape(JsonWriter& json, const services::TableShape& table) {
  json.field("format", table.format).field("encoding", table.encoding).field("separator", table.separator);
}

}  // namespace

std::string grade_import_json(const services::GradeImportSummary& summary, Language language) {
  JsonWriter json;
  json.begin_object();
  write_shape(json, summary.table);
  json.field("rows", summary.rows).field("created", summary.created).field("updated", summary.updated).field("unchanged", summary.unchanged);
  json.field("committed", summary.committed);
  write_errors(json, summary.errors, language);
  json.end_object();
  return json.take();
}

// Names and values come from the file: the writer escapes them, and the web app shows them as text.
std::string import_summary_json(const services::ImportSummary& summary, Language language, std::optional<Id> upload_id) {
  JsonWriter json;
  json.begin_object();
  if (upload_id) json.field("id", *upload_id);
  write_shape(json, summary.table);
  json.key("headers");
  write_value(json, summary.headers);
  json.key("mapping").begin_object();
  for (auto field : all_import_fields) {
    const auto& column = summary.mapping[static_cast<std::size_t>(field)];
    json.key(to_string(field));
    write_value(json, column ? std::optional<std::int64_t>(static_cast<std::int64_t>(*column)) : std::nullopt);
  }
  json.end_object();
  json.field("rows", summary.rows).field("created", summary.created).field("updated", summary.updated).field("unchanged", summary.unchanged);
  json.field("enrolled", summary.enrolled).field("committed", summary.committed);
  json.key("unmapped_columns").begin_array();
  for (const auto column : summary.unmapped_columns)
    json.begin_object().field("index", static_cast<std::int64_t>(column)).field("header", summary.headers[column]).end_object();
  json.end_array().key("empty_fields").begin_array();
  for (const auto field : summary.empty_fields) json.value(to_string(field));
  json.end_array();
  json.key("new_institutions");
  write_value(json, summary.new_institutions);
  write_errors(json, summary.errors, language);
  json.key("preview").begin_array();
  for (const auto& row : summary.preview) {
    json.begin_object()
        .field("row", static_cast<std::int64_t>(row.row))
        .field("action", action_name(row.action))
        .field("enrol", row.enrol)
        .field("given_names", row.given_names)
        .field("family_names", row.family_names)
        .field("email", row.email)
        .key("changed_fields");
    write_value(json, row.changed_fields);
    json.end_object();
  }
  json.end_array().field("preview_truncated", summary.preview_truncated).end_object();
  return json.take();
}

Result<ImportStep> parse_mapping_json(std::string_view json_text) {
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  auto document = parse_bounded_json(json_text);
  if (!document) return std::unexpected(document.error());
  MappingBody body;
  error.details = read_json(*document, body, {.min = 0, .max = 16384, .max_items = 100});
  if (!error.details.empty()) return std::unexpected(error);
  ColumnMapping mapping{};
  for (const auto& [name, column] : body.mapping) {
    const auto field = parse_import_field(name);
    if (!field) {
      error.details.push_back({"mapping." + name, std::nullopt, "unknown_field", "error.import.unknown_field", name});
      continue;
    }
    if (column) mapping[static_cast<std::size_t>(*field)] = static_cast<std::size_t>(*column);
  }
  if (!error.details.empty()) return std::unexpected(error);
  return ImportStep{mapping, body.create_institutions};
}

}  // namespace diplomado::documents
