#include "services/import_participants.hpp"

#include "domain/programme_rules.hpp"
#include "json/json_writer.hpp"

#include <algorithm>
#include <chrono>

#include "services/crypto.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

constexpr auto upload_lifetime = std::chrono::hours(24);

std::string counts_json(const ImportSummary& summary, const std::string& file_name_digest) {
  return json_object("created", summary.created, "updated", summary.updated, "unchanged", summary.unchanged, "enrolled", summary.enrolled, "format",
                     summary.table.format, "file", file_name_digest);
}

// Reads and plans inside the given unit: the same code runs for the preview and for the commit,
// so what is committed is what was shown.
struct Planned {
  ImportSummary summary;
  std::vector<ParsedRow> parsed;  // the plan points into these; moving the vector keeps them in place
  ImportPlan plan;
};

// `new_institutions`: names to treat as institutions already on file, with the ids -1, -2, ... (a
// preview writes nothing; a commit creates them and gives the rows their real ids).
Result<Planned> read_and_plan(storage::UnitOfWork& unit, const ImportRequest& request, const TableReader& read_table,
                              const std::vector<std::string>& new_institutions = {}) {
  const auto programme = unit.programmes().find(request.programme_id);
  if (!programme) return std::unexpected(programme_not_found());

  auto& people = unit.people();
  auto institutions = people.institution_candidates(programme->country);
  for (std::size_t i = 0; i < new_institutions.size(); ++i)
    institutions.push_back({-static_cast<Id>(i + 1), new_institutions[i], new_institutions[i], "", {}});
  const ReferenceMatcher matcher(institutions, people.subdivision_candidates(programme->country));
  const auto subdivision_words = subdivision_header_words(people.subdivision_kinds(programme->country));

  ImportSummary summary;
  std::vector<ParsedRow> parsed;
  bool mapping_ready = false;
  bool mapping_usable = false;
  std::vector<bool> column_filled;  // a column with a value in at least one row
  auto visit = [&](long row, std::vector<std::string>& cells) {
    if (summary.headers.empty() && !mapping_ready) {
      summary.headers = cells;
      summary.mapping = request.mapping ? *request.mapping : suggest_mapping(summary.headers, subdivision_words);
      for (auto& error : check_mapping(summary.mapping, summary.headers.size()))
        summary.errors.push_back({row, error.field, {}, error.code, error.message_key, error.value});
      mapping_usable = summary.errors.empty();
      mapping_ready = true;
      column_filled.assign(summary.headers.size(), false);
      return true;
    }
    ++summary.rows;
    for (std::size_t column = 0; column < cells.size() && column < column_filled.size(); ++column)
      if (!column_filled[column] && cells[column].find_first_not_of(" \t") != std::string::npos) column_filled[column] = true;
    // Without a usable mapping the rows cannot be read; they are counted, and the user corrects
    // the mapping first.
    if (!mapping_usable) return true;
    if (cells.size() != summary.headers.size()) {
      summary.errors.push_back({row, "", "", "cell_count", "error.import.cell_count",
                                std::to_string(cells.size()) + "/" + std::to_string(summary.headers.size())});
      parsed.push_back({row, std::nullopt});
      return true;
    }
    parsed.push_back(parse_import_row(row, cells, summary.headers, summary.mapping, matcher, summary.errors));
    return true;
  };
  auto shape = read_table(visit);
  if (!shape) return std::unexpected(shape.error());
  summary.table = *shape;
  std::vector<bool> mapped(summary.headers.size(), false);
  for (auto field : all_import_fields)
    if (const auto& column = summary.mapping[static_cast<std::size_t>(field)]; column && *column < mapped.size()) {
      mapped[*column] = true;
      if (summary.rows > 0 && !column_filled[*column]) summary.empty_fields.push_back(field);
    }
  for (std::size_t column = 0; column < mapped.size(); ++column)
    if (!mapped[column] && summary.headers[column].find_first_not_of(" \t") != std::string::npos) summary.unmapped_columns.push_back(column);
  if (summary.headers.empty()) return std::unexpected(make_error(ErrorCode::invalid_input, "error.import.empty_file"));
  if (summary.rows == 0) {
    Error error = make_error(ErrorCode::invalid_input, "error.import.only_header");
    error.details.push_back({"file", 1, "only_header", "error.import.only_header", {}});
    return std::unexpected(error);
  }

  ExistingPeople existing;
  people.for_each_person(request.programme_id, [&](ExistingPerson&& person) { existing.add(std::move(person)); });
  auto plan = plan_import(parsed, existing, summary.errors);
  // The planner knows fields, not columns: name the column as the file has it.
  for (auto& issue : summary.errors)
    if (issue.column.empty())
      if (auto field = parse_import_field(issue.field))
        if (auto column = summary.mapping[static_cast<std::size_t>(*field)]; column && *column < summary.headers.size())
          issue.column = summary.headers[*column];
  std::ranges::stable_sort(summary.errors, {}, &ImportIssue::row);
  summary.created = plan.created;
  summary.updated = plan.updated;
  summary.unchanged = plan.unchanged;
  summary.enrolled = plan.enrolled;
  for (const auto& row : plan.rows) {
    if (summary.preview.size() == preview_limit) {
      summary.preview_truncated = true;
      break;
    }
    summary.preview.push_back({row.row, row.action, row.enrol, row.person->given_names, row.person->family_names, row.person->email, row.changed_fields});
  }
  return Planned{std::move(summary), std::move(parsed), std::move(plan)};
}

}  // namespace

static Result<ImportSummary> run_import(storage::Store& store, const std::optional<Actor>& actor, const ImportRequest& request,
                                        const TableReader& read_table, TimePoint now);

Result<ImportSummary> import_participants(storage::Store& store, const std::optional<Actor>& actor, const ImportRequest& request,
                                          const TableReader& read_table, TimePoint now) {
  try {
    return run_import(store, actor, request, read_table, now);
  } catch (const std::exception&) {
    // The database refused a write (another import added the same e-mail meanwhile, say). The
    // unit of work rolled back: nothing of this file was kept.
    return std::unexpected(make_error(ErrorCode::conflict, "error.import.storage"));
  }
}

static Result<ImportSummary> run_import(storage::Store& store, const std::optional<Actor>& actor, const ImportRequest& request,
                                        const TableReader& read_table, TimePoint now) {
  if (auto denied = refuse(actor, request.programme_id, Permission::manage_programme)) return std::unexpected(*denied);
  const auto mode = request.mode == ImportMode::commit ? storage::TransactionMode::read_write : storage::TransactionMode::read_only;
  auto unit = store.begin(mode);
  auto planned = read_and_plan(*unit, request, read_table);
  if (!planned) return std::unexpected(planned.error());
  // The institutions the file names that are not on file, once each (as the matcher compares
  // them: "DGME" and " dgme " are one), in the order first met. A name over 200 bytes is not one
  // to create; its rows stay in error, as do those past the 200th new institution.
  std::vector<std::string> unknown, unknown_keys;
  for (const auto& issue : planned->summary.errors) {
    if (issue.code != "unknown_institution" || unknown.size() == 200) continue;
    const auto first = issue.value.find_first_not_of(" \t"), last = issue.value.find_last_not_of(" \t");
    if (first == std::string::npos || last - first + 1 > 200) continue;
    auto key = matching_key(issue.value);
    if (std::ranges::find(unknown_keys, key) != unknown_keys.end()) continue;
    unknown_keys.push_back(std::move(key));
    unknown.push_back(issue.value.substr(first, last - first + 1));
  }
  if (request.create_institutions && !unknown.empty()) {
    planned = read_and_plan(*unit, request, read_table, unknown);
    if (!planned) return std::unexpected(planned.error());
  }
  planned->summary.new_institutions = unknown;
  auto& summary = planned->summary;
  const auto& plan = planned->plan;
  if (request.mode == ImportMode::dry_run || !summary.errors.empty()) return std::move(summary);

  if (request.create_institutions && !unknown.empty()) {
    const auto programme = unit->programmes().find(request.programme_id);
    std::vector<Id> created;
    for (const auto& name : unknown) {
      InstitutionRecord institution;
      // A short word in capitals is an acronym ("MINSALUD"); anything else is a name.
      const bool acronym = name.size() <= 15 && name.find(' ') == std::string::npos && std::ranges::any_of(name, [](char c) { return c >= 'A' && c <= 'Z'; });
      institution.name = {name, name};
      institution.acronym = acronym ? name : "";
      institution.country = programme->country;
      institution.level = "national";
      // Spanish names are unique on the site: another country's same name gets this one's code.
      if (unit->people().find_institution_by_name(name)) institution.name = {name + " (" + programme->country + ")", name + " (" + programme->country + ")"};
      created.push_back(unit->people().insert_institution(institution));
      unit->audit().append({actor ? std::optional<Id>(actor->user_id) : std::nullopt, "institution.create", "institution", created.back(),
                            json_object("source", "import", "country", programme->country)},
                           format_iso8601(now));
    }
    for (auto& row : planned->parsed)
      if (row.person && row.person->institution_id < 0) row.person->institution_id = created[static_cast<std::size_t>(-row.person->institution_id - 1)];
  }

  auto& people = unit->people();
  auto& audit = unit->audit();
  const auto at = format_iso8601(now);
  const std::optional<Id> actor_id = actor ? std::optional<Id>(actor->user_id) : std::nullopt;
  std::vector<const ImportedPerson*> new_people;
  for (const auto& row : plan.rows) {
    switch (row.action) {
      case ImportAction::create: new_people.push_back(row.person); break;
      case ImportAction::update: {
        people.update_person(*row.person_id, *row.person);
        // Which fields changed, never their values: the audit trail holds no personal data.
        audit.append({actor_id, "person.update", "person", *row.person_id, json_object("source", "import", "fields", row.changed_fields)}, at);
        break;
      }
      case ImportAction::unchanged: break;
    }
    if (row.action != ImportAction::create && row.enrol) people.enrol(request.programme_id, *row.person_id);
  }
  people.insert_and_enrol(request.programme_id, new_people);
  std::vector<std::string> unused_files;
  if (request.upload_id) unused_files = files_no_longer_used(*unit, unit->uploads().remove(*request.upload_id));
  audit.append({actor_id, "participants.import", "programme", request.programme_id, counts_json(summary, token_digest(request.file_name).substr(0, 16))},
               at);
  unit->commit();
  forget_files(store.files(), unused_files);
  summary.committed = true;
  return std::move(summary);
}

Result<Id> store_import_upload(storage::Store& store, const Actor& actor, Id programme_id, std::string file_name, const Upload& upload,
                               TimePoint now) {
  if (auto denied = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*denied);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  const auto expired = files_no_longer_used(*unit, unit->uploads().remove_created_before(format_iso8601(now - upload_lifetime)));
  if (file_name.size() > 255) file_name.resize(255);
  const std::size_t size = upload.bytes().size();
  auto kept = store.files().keep(upload.path());
  if (!kept) return std::unexpected(kept.error());
  const auto id = unit->uploads().insert({0, programme_id, actor.user_id, format_iso8601(now), std::move(file_name), kept->sha256});
  unit->audit().append({actor.user_id, "participants.upload", "import_upload", id, json_object("bytes", size)}, format_iso8601(now));
  unit->commit();
  // The expired uploads' files go once their rows are gone for good; this upload's file is not
  // among them even if its bytes were (it is named again by the row just written).
  std::vector<std::string> unused;
  for (const auto& digest : expired)
    if (digest != kept->sha256) unused.push_back(digest);
  forget_files(store.files(), unused);
  return id;
}

Result<LoadedUpload> load_import_upload(storage::Store& store, const Actor& actor, Id programme_id, Id upload_id) {
  if (auto denied = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*denied);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto upload = unit->uploads().find(upload_id, programme_id);
  if (!upload) return std::unexpected(make_error(ErrorCode::not_found, "error.import.upload_not_found"));
  auto file = open_kept_file(store.files(), upload->content_sha256);
  if (!file) return std::unexpected(file.error());
  return LoadedUpload{std::move(upload->file_name), std::move(*file)};
}

}  // namespace diplomado::services
