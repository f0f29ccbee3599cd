#include "documents/import_report.hpp"

#include <nlohmann/json.hpp>

#include "json/json_reader.hpp"

namespace diplomado::documents {

// The wizard's body for preview and commit: {"mapping": {"<field>": column index | null}}.
struct MappingBody {
  std::map<std::string, std::optional<long long>> mapping;
};

}  // namespace diplomado::documents

namespace diplomado {
static void describe(BodyReader& body, documents::MappingBody& mapping) { body.required("mapping", mapping.mapping); }
}  // namespace diplomado

namespace diplomado::documents {
namespace {

using nlohmann::ordered_json;

const char* action_name(ImportAction action) {
  switch (action) {
    case ImportAction::create: return "create";
    case ImportAction::update: return "update";
    case ImportAction::unchanged: return "unchanged";
  }
  return "create";
}

ordered_json errors_json(const std::vector<ImportIssue>& issues, Language language) {
  ordered_json errors = ordered_json::array();
  for (const auto& issue : issues)
    errors.push_back({{"row", issue.row},
                      {"field", issue.field},
                      {"column", issue.column},
                      {"code", issue.code},
                      {"message", translate(issue.message_key, language)},
                      {"value", issue.value}});
  return errors;
}

}  // namespace

std::string grade_import_json(const services::GradeImportSummary& summary, Language language) {
  ordered_json document{{"format", summary.table.format}, {"encoding", summary.table.encoding}, {"separator", summary.table.separator},
                        {"rows", summary.rows},           {"created", summary.created},          {"updated", summary.updated},
                        {"unchanged", summary.unchanged}, {"committed", summary.committed},      {"errors", errors_json(summary.errors, language)}};
  return document.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string import_summary_json(const services::ImportSummary& summary, Language language, std::optional<Id> upload_id) {
  ordered_json document;
  if (upload_id) document["id"] = *upload_id;
  document["format"] = summary.table.format;
  document["encoding"] = summary.table.encoding;
  document["separator"] = summary.table.separator;
  document["headers"] = summary.headers;
  ordered_json mapping = ordered_json::object();
  for (auto field : all_import_fields) {
    const auto& column = summary.mapping[static_cast<std::size_t>(field)];
    mapping[std::string(to_string(field))] = column ? ordered_json(*column) : ordered_json(nullptr);
  }
  document["mapping"] = std::move(mapping);
  document["rows"] = summary.rows;
  document["created"] = summary.created;
  document["updated"] = summary.updated;
  document["unchanged"] = summary.unchanged;
  document["enrolled"] = summary.enrolled;
  document["committed"] = summary.committed;
  document["errors"] = errors_json(summary.errors, language);
  ordered_json preview = ordered_json::array();
  for (const auto& row : summary.preview)
    preview.push_back({{"row", row.row},
                       {"action", action_name(row.action)},
                       {"enrol", row.enrol},
                       {"given_names", row.given_names},
                       {"family_names", row.family_names},
                       {"email", row.email},
                       {"changed_fields", row.changed_fields}});
  document["preview"] = std::move(preview);
  document["preview_truncated"] = summary.preview_truncated;
  // Names and values come from the file: dump() escapes them, and the web app shows them as text.
  return document.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

Result<ColumnMapping> parse_mapping_json(std::string_view json_text) {
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
  return mapping;
}

}  // namespace diplomado::documents
