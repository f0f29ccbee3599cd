// The import wizard's steps over HTTP (issue 5): upload (the file is kept, and a preview with
// the recognised mapping comes back), preview with a corrected mapping, then commit.
#include "documents/import_report.hpp"
#include "documents/table_reader.hpp"
#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"
#include "services/import_participants.hpp"

namespace diplomado::http {
namespace {

HttpResponse summary_response(int status, const services::ImportSummary& summary, Language language, std::optional<Id> upload_id) {
  return json_response(status, documents::import_summary_json(summary, language, upload_id));
}

// Preview and commit take the same body and the same upload; they differ in the mode.
HttpResponse run_step(RequestContext& context, services::ImportMode mode) {
  const auto upload_id = path_id(context, "import_id");
  if (!upload_id) return bad_path_id(context, "import_id");
  auto mapping = documents::parse_mapping_json(context.body);
  if (!mapping) return problem_response(mapping.error(), context.language);
  auto upload = services::load_import_upload(context.store(), *context.actor, programme_id_of(context), *upload_id);
  if (!upload) return problem_response(upload.error(), context.language);

  services::ImportRequest request{programme_id_of(context), mapping->mapping, mode, upload->file_name, *upload_id, mapping->create_institutions};
  auto summary = services::import_participants(context.store(), context.actor, request, documents::table_reader_for(upload->file.bytes()), context.app.now());
  if (!summary) return problem_response(summary.error(), context.language);
  if (mode == services::ImportMode::commit && !summary->committed) return rows_in_error(summary->errors, context.language);
  return summary_response(200, *summary, context.language, *upload_id);
}

}  // namespace

HttpResponse handle_upload_participant_import(RequestContext& context) {
  std::string file_name(context.query_value("file_name").value_or(""));
  // The file is read before it is kept: what is not a table is refused at once.
  services::ImportRequest request{programme_id_of(context), std::nullopt, services::ImportMode::dry_run, file_name, std::nullopt};
  auto summary = services::import_participants(context.store(), context.actor, request, documents::table_reader_for(context.upload->bytes()), context.app.now());
  if (!summary) return problem_response(refused_whole(summary.error()), context.language);
  auto stored = services::store_import_upload(context.store(), *context.actor, programme_id_of(context), file_name, *context.upload, context.app.now());
  if (!stored) return problem_response(stored.error(), context.language);
  auto response = summary_response(201, *summary, context.language, *stored);
  response.headers.emplace_back("Location", context.path + "/" + std::to_string(*stored));
  return response;
}

HttpResponse handle_preview_participant_import(RequestContext& context) { return run_step(context, services::ImportMode::dry_run); }

HttpResponse handle_commit_participant_import(RequestContext& context) { return run_step(context, services::ImportMode::commit); }

}  // namespace diplomado::http
