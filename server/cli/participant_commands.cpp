#include "cli/participant_commands.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "documents/import_report.hpp"
#include "documents/participant_export.hpp"
#include "documents/reference_file.hpp"
#include "documents/table_reader.hpp"
#include "domain/participant_import.hpp"
#include "services/export_participants.hpp"
#include "services/import_participants.hpp"
#include "services/list_programmes.hpp"
#include "services/load_reference.hpp"

namespace diplomado::cli {
namespace {

// --map field=column: a 1-based column number or the header text. Applied over what the
// headers suggest.
Result<ColumnMapping> mapping_from_options(const std::string& bytes, const std::vector<std::string>& options) {
  std::vector<std::string> headers;
  auto shape = documents::read_table(bytes, [&](long, std::vector<std::string>& cells) {
    headers = cells;
    return false;  // the header is all that is needed here
  });
  if (!shape) return std::unexpected(shape.error());
  auto mapping = suggest_mapping(headers);
  Error error = make_error(ErrorCode::invalid_input, "error.invalid_input");
  for (const auto& option : options) {
    const auto equals = option.find('=');
    const auto field = parse_import_field(option.substr(0, equals));
    if (equals == std::string::npos || !field) {
      error.details.push_back({"--map", std::nullopt, "unknown_field", "error.import.unknown_field", option});
      continue;
    }
    const auto column_text = option.substr(equals + 1);
    auto& slot = mapping[static_cast<std::size_t>(*field)];
    if (column_text.empty()) {
      slot.reset();
      continue;
    }
    std::optional<std::size_t> column;
    for (std::size_t i = 0; i < headers.size(); ++i)
      if (headers[i] == column_text) column = i;
    if (!column && column_text.find_first_not_of("0123456789") == std::string::npos && column_text.size() < 6) {
      const auto number = std::stoul(column_text);
      if (number >= 1 && number <= headers.size()) column = number - 1;
    }
    if (!column) error.details.push_back({"--map", std::nullopt, "no_such_column", "error.import.no_such_column", option});
    else slot = column;
  }
  if (!error.details.empty()) return std::unexpected(error);
  return mapping;
}

void print_summary_text(const services::ImportSummary& summary, bool dry_run, Console& console) {
  const auto t = [&](const char* key) { return translate(key, console.language); };
  console.out << t("cli.import.detected") << ": " << summary.table.format;
  if (summary.table.format == "csv")
    console.out << ", " << summary.table.encoding << ", " << t("cli.import.separator") << " \""
                << (summary.table.separator == "\t" ? "\\t" : summary.table.separator) << "\"";
  console.out << '\n'
              << t("cli.import.rows") << ": " << summary.rows << "  " << t("cli.import.created") << ": " << summary.created << "  "
              << t("cli.import.updated") << ": " << summary.updated << "  " << t("cli.import.unchanged") << ": " << summary.unchanged << "  "
              << t("cli.import.enrolled") << ": " << summary.enrolled << '\n';
  if (!summary.unmapped_columns.empty()) {
    console.out << t("cli.import.unmapped") << ':';
    for (const auto column : summary.unmapped_columns) console.out << " \"" << summary.headers[column] << "\"";
    console.out << '\n';
  }
  for (const auto field : summary.empty_fields) console.out << t("cli.import.empty_field") << ' ' << to_string(field) << '\n';
  if (!summary.new_institutions.empty()) {
    console.out << t(summary.committed ? "cli.import.institutions_created" : "cli.import.institutions_unknown") << ':';
    for (const auto& name : summary.new_institutions) console.out << " \"" << name << "\"";
    console.out << '\n';
  }
  for (const auto& issue : summary.errors) {
    console.out << "  " << t("cli.import.row") << ' ' << issue.row;
    if (!issue.column.empty()) console.out << ", \"" << issue.column << "\"";
    if (!issue.field.empty()) console.out << " (" << issue.field << ")";
    console.out << ": " << translate(issue.message_key, console.language);
    if (!issue.value.empty()) console.out << " [" << issue.value << "]";
    console.out << '\n';
  }
  if (!summary.errors.empty()) console.out << t("cli.import.nothing_written") << '\n';
  else console.out << t(summary.committed ? "cli.import.committed" : (dry_run ? "cli.import.dry_run" : "cli.import.nothing_written")) << '\n';
}

}  // namespace

int run_import_participants(services::Store& store, const ImportOptions& options, Console& console) {
  auto programme_id = services::find_programme_by_code(store, options.programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto bytes = read_whole_file(options.file, documents::max_table_bytes, FileKind::participants);
  if (!bytes) return print_error(bytes.error(), console), 1;

  services::ImportRequest request;
  request.programme_id = *programme_id;
  request.mode = options.dry_run ? services::ImportMode::dry_run : services::ImportMode::commit;
  request.file_name = std::filesystem::path(options.file).filename().string();
  request.create_institutions = options.create_institutions;
  if (!options.mappings.empty()) {
    auto mapping = mapping_from_options(*bytes, options.mappings);
    if (!mapping) return print_error(mapping.error(), console), 1;
    request.mapping = *mapping;
  }
  auto summary = services::import_participants(store, std::nullopt, request, documents::table_reader_for(*bytes), current_time());
  if (!summary) return print_error(summary.error(), console), 1;
  if (options.format == "json") console.out << documents::import_summary_json(*summary, console.language) << '\n';
  else print_summary_text(*summary, options.dry_run, console);
  return summary->errors.empty() ? 0 : 2;
}

int run_export_participants(services::Store& store, const ExportOptions& options, Console& console) {
  auto programme_id = services::find_programme_by_code(store, options.programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto exported = services::export_participants(store, std::nullopt, *programme_id, {}, options.format, current_time());
  if (!exported) return print_error(exported.error(), console), 1;
  const auto* records = &exported->records;
  const auto& category = exported->subdivision_category;
  const auto& header = console.language == Language::en ? category.en : category.es;
  std::string bytes;
  if (options.format == "xlsx") {
    auto written = documents::participants_xlsx(*records, console.language, header);
    if (!written) return print_error(written.error(), console), 1;
    bytes = std::move(*written);
  } else {
    bytes = documents::participants_csv(*records, console.language, header);
  }
  if (options.output.empty() || options.output == "-") {
    console.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return 0;
  }
  std::ofstream out(options.output, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return print_error(file_error(options.output, FileKind::output), console), 1;
  console.err << translate("cli.export.written", console.language) << ' ' << options.output << " (" << records->size() << ")\n";
  return 0;
}

int run_load_subdivisions(services::Store& store, const std::string& file, Console& console) {
  auto text = read_whole_file(file, 4 * 1024 * 1024, FileKind::reference);
  if (!text) return print_error(text.error(), console), 1;
  auto list = documents::parse_subdivision_list(*text);
  if (!list) return print_error(list.error(), console), 1;
  auto loaded = services::load_subdivisions(store, std::nullopt, list->country, list->subdivisions, current_time());
  if (!loaded) return print_error(loaded.error(), console), 1;
  console.out << translate("cli.reference.subdivisions", console.language) << ' ' << list->country << ": " << *loaded << '\n';
  return 0;
}

int run_load_institutions(services::Store& store, const std::string& file, Console& console) {
  auto text = read_whole_file(file, 4 * 1024 * 1024, FileKind::reference);
  if (!text) return print_error(text.error(), console), 1;
  auto list = documents::parse_institution_list(*text);
  if (!list) return print_error(list.error(), console), 1;
  auto loaded = services::load_institutions(store, std::nullopt, *list, current_time());
  if (!loaded) return print_error(loaded.error(), console), 1;
  console.out << translate("cli.reference.institutions", console.language) << ": " << *loaded << '\n';
  return 0;
}

int load_reference_directory(services::Store& store, const std::string& directory, Console& console) {
  for (const auto* kind : {"subdivisions", "institutions"}) {
    const auto folder = std::filesystem::path(directory) / kind;
    if (!std::filesystem::is_directory(folder)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::ranges::sort(files);
    for (const auto& file : files) {
      const int code = std::string_view(kind) == "subdivisions" ? run_load_subdivisions(store, file.string(), console)
                                                                : run_load_institutions(store, file.string(), console);
      if (code != 0) return code;
    }
  }
  return 0;
}

}  // namespace diplomado::cli
