#include "services/issue_certificates.hpp"

#include <map>
#include <set>

#include "domain/text_key.hpp"
#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/crypto.hpp"
#include "services/get_gradebook.hpp"
#include "services/files.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {


// The settings with each logo's bytes read from the file store.
Result<CertificateSettings> decoded_settings(storage::UnitOfWork& unit, storage::FileStore& files, Id programme_id) {
  auto settings = unit.certificates().settings(programme_id);
  for (const auto& logo : unit.certificates().logos(programme_id)) {
    auto bytes = read_kept_file(files, logo.content_sha256);
    if (!bytes) return std::unexpected(bytes.error());
    settings.logos.push_back({logo.format, std::move(*bytes)});
  }
  return settings;
}

Error certificate_not_found() { return make_error(ErrorCode::not_found, "error.certificate.not_found"); }

// The versions of one serial in this programme; the last is the current one.
std::vector<CertificateRecord> versions_in(storage::UnitOfWork& unit, Id programme_id, std::string_view serial) {
  auto versions = unit.certificates().by_serial(serial);
  std::erase_if(versions, [&](const CertificateRecord& record) { return record.programme_id != programme_id; });
  return versions;
}

}  // namespace

Result<CertificateSettings> get_certificate_settings(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  return decoded_settings(*unit, store.files(), programme_id);
}

Result<CertificateSettings> update_certificate_settings(storage::Store& store, const Actor& actor, Id programme_id, CertificateLayout layout,
                                                        const std::vector<Signatory>& signatories, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_signatories(signatories); !errors.empty()) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details = std::move(errors);
    return std::unexpected(invalid);
  }
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  std::vector<Signatory> trimmed;
  for (const auto& signatory : signatories)
    trimmed.push_back({std::string(trim(signatory.name)), {std::string(trim(signatory.title.es)), std::string(trim(signatory.title.en))}});
  unit->certificates().save_settings(programme_id, layout, trimmed);
  unit->audit().append({actor.user_id, "certificate_settings.update", "programme", programme_id,
                        json_object("layout", to_string(layout), "signatories", static_cast<std::int64_t>(trimmed.size()))},
                       format_iso8601(now));
  auto settings = decoded_settings(*unit, store.files(), programme_id);
  if (!settings) return std::unexpected(settings.error());
  unit->commit();
  return settings;
}

Result<CertificateSettings> add_certificate_logo(storage::Store& store, const Actor& actor, Id programme_id, std::string_view bytes, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  const auto format = check_logo(bytes);
  if (!format) return std::unexpected(format.error());
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  if (unit->certificates().logos(programme_id).size() >= maximum_logos)
    return std::unexpected(make_error(ErrorCode::conflict, "error.certificate.too_many_logos"));
  auto kept = store.files().keep_bytes(bytes);
  if (!kept) return std::unexpected(kept.error());
  unit->certificates().add_logo(programme_id, {*format, kept->sha256});
  unit->audit().append({actor.user_id, "certificate_logo.add", "programme", programme_id,
                        json_object("format", media_type(*format), "bytes", static_cast<std::int64_t>(bytes.size()))},
                       format_iso8601(now));
  auto settings = decoded_settings(*unit, store.files(), programme_id);
  if (!settings) return std::unexpected(settings.error());
  unit->commit();
  return settings;
}

Result<CertificateSettings> delete_certificate_logo(storage::Store& store, const Actor& actor, Id programme_id, int position, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto removed = unit->certificates().delete_logo(programme_id, position);
  if (!removed) return std::unexpected(make_error(ErrorCode::not_found, "error.not_found"));
  const auto unused = files_no_longer_used(*unit, {*removed});
  unit->audit().append({actor.user_id, "certificate_logo.delete", "programme", programme_id, json_object("position", position)}, format_iso8601(now));
  auto settings = decoded_settings(*unit, store.files(), programme_id);
  if (!settings) return std::unexpected(settings.error());
  unit->commit();
  forget_files(store.files(), unused);
  return settings;
}

Result<IssueOutcome> issue_certificates(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, std::string_view verify_base,
                                        TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  if (unit->certificates().settings(programme_id).signatories.empty())
    return std::unexpected(make_error(ErrorCode::conflict, "error.certificate.no_signatories"));
  auto book = read_gradebook(*unit, programme_id);
  if (!book) return std::unexpected(book.error());

  // Who receives what: every graduate a diploma; the best project's team members and every group
  // leader a recognition, while their enrolment stands (withdrawn ones receive nothing).
  std::vector<std::pair<const GradebookRow*, CertificateKind>> due;
  std::set<Id> leaders;
  for (const auto& team : unit->programmes().teams(programme_id))
    if (team.leader_enrollment_id) leaders.insert(*team.leader_enrollment_id);
  std::optional<Id> best_team;
  if (const auto best = unit->jury().best_project(programme_id); best && best->project_id)
    for (const auto& project : unit->projects().projects(programme_id))
      if (project.id == *best->project_id) best_team = project.team_id;
  for (const auto& row : book->rows) {
    const auto status = row.enrollment.status;
    if (status == EnrollmentStatus::withdrawn) continue;
    if (status == EnrollmentStatus::graduated) due.emplace_back(&row, CertificateKind::graduation);
    if (best_team && row.enrollment.team_id == best_team) due.emplace_back(&row, CertificateKind::best_project);
    if (leaders.contains(row.enrollment.enrollment_id)) due.emplace_back(&row, CertificateKind::group_leader);
  }

  std::map<std::pair<Id, CertificateKind>, CertificateRecord> current;
  for (auto& record : unit->certificates().certificates(programme_id))
    if (!record.superseded_at) current[{record.enrollment_id, record.kind}] = std::move(record);
  const auto at = format_iso8601(now);
  IssueOutcome outcome;
  for (const auto& [row, kind] : due) {
    const auto name = row->enrollment.given_names + " " + row->enrollment.family_names;
    const auto team = kind == CertificateKind::graduation ? std::string() : row->enrollment.team_name;
    const auto found = current.find({row->enrollment.enrollment_id, kind});
    if (found != current.end() && found->second.revoked_at) continue;  // a revoked certificate is not issued again by the batch
    if (found != current.end() && found->second.holder_name == name && found->second.team == team) {
      ++outcome.unchanged;
      continue;
    }
    CertificateRecord record;
    if (found != current.end()) {
      // A corrected name keeps the serial with a new version; the old one is superseded.
      record = found->second;
      unit->certificates().supersede(record.id, at);
      ++record.version;
      ++outcome.reissued;
    } else {
      do record.serial = format_serial(random_bits());
      while (!unit->certificates().by_serial(record.serial).empty());
      record.programme_id = programme_id;
      record.enrollment_id = row->enrollment.enrollment_id;
      record.kind = kind;
      record.verify_url = std::string(verify_base) + "/verify/" + record.serial;
      ++outcome.issued;
    }
    record.holder_name = name;
    record.team = team;
    record.issued_at = at;
    record.id = unit->certificates().insert(record);
    unit->audit().append({actor_id(actor), "certificate.issue", "certificate", record.id,
                          json_object("serial", record.serial, "version", record.version, "kind", to_string(kind))},
                         at);
  }
  unit->commit();
  return outcome;
}

Result<std::vector<CertificateRecord>> list_certificates(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto records = unit->certificates().certificates(programme_id);
  if (actor.has_role(Role::coordinator, programme_id)) return records;
  // Anyone else sees their own current certificates only, matched by e-mail as their progress is.
  auto book = read_gradebook(*unit, programme_id);
  if (!book) return std::unexpected(book.error());
  std::set<Id> mine;
  const auto email = normalise_email(actor.email);
  for (const auto& row : book->rows)
    if (!email.empty() && normalise_email(row.enrollment.email) == email) mine.insert(row.enrollment.enrollment_id);
  std::erase_if(records, [&](const CertificateRecord& record) { return !mine.contains(record.enrollment_id) || record.superseded_at; });
  return records;
}

Result<CertificateData> get_certificate(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, std::string_view serial) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto versions = versions_in(*unit, programme_id, serial);
  if (versions.empty()) return std::unexpected(certificate_not_found());
  if (actor && !actor->has_role(Role::coordinator, programme_id)) {
    // The holder only: another participant's serial is "not found", not "forbidden".
    auto book = read_gradebook(*unit, programme_id);
    if (!book) return std::unexpected(book.error());
    const auto email = normalise_email(actor->email);
    bool holder = false;
    for (const auto& row : book->rows)
      holder |= row.enrollment.enrollment_id == versions.back().enrollment_id && !email.empty() && normalise_email(row.enrollment.email) == email;
    if (!holder) return std::unexpected(certificate_not_found());
  }
  auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  auto settings = decoded_settings(*unit, store.files(), programme_id);
  if (!settings) return std::unexpected(settings.error());
  return CertificateData{versions.back(), std::move(*programme), std::move(*settings)};
}

Result<std::vector<CertificateData>> certificates_for_batch(storage::Store& store, const std::optional<Actor>& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  const auto settings = decoded_settings(*unit, store.files(), programme_id);
  if (!settings) return std::unexpected(settings.error());
  std::vector<CertificateData> batch;
  for (auto& record : unit->certificates().certificates(programme_id))
    if (state_of(record) == CertificateState::valid) batch.push_back({std::move(record), *programme, *settings});
  return batch;
}

Result<CertificateRecord> revoke_certificate(storage::Store& store, const Actor& actor, Id programme_id, std::string_view serial,
                                             std::string_view reason, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  const auto why = trim(reason);
  if (why.size() < 5) return std::unexpected(field_error("reason", "too_short", "error.certificate.revocation_reason", std::string(why)));
  if (why.size() > 1000) return std::unexpected(field_error("reason", "too_long", "error.field.too_long"));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (versions_in(*unit, programme_id, serial).empty()) return std::unexpected(certificate_not_found());
  const auto at = format_iso8601(now);
  if (!unit->certificates().revoke(serial, at, why)) return std::unexpected(make_error(ErrorCode::conflict, "error.certificate.already_revoked"));
  auto versions = versions_in(*unit, programme_id, serial);
  unit->audit().append({actor.user_id, "certificate.revoke", "certificate", versions.back().id, json_object("serial", serial, "reason", why)}, at);
  unit->commit();
  return versions.back();
}

Result<PublicVerification> verify_certificate(storage::Store& store, std::string_view serial) {
  if (!looks_like_serial(serial)) return std::unexpected(certificate_not_found());
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto versions = unit->certificates().by_serial(serial);
  if (versions.empty()) return std::unexpected(certificate_not_found());
  const auto& latest = versions.back();
  const auto programme = unit->programmes().find(latest.programme_id);
  if (!programme) return std::unexpected(certificate_not_found());
  return PublicVerification{state_of(latest), latest.kind,         latest.serial,       latest.version, latest.holder_name,
                            programme->title,  programme->end_date, latest.issued_at,    latest.revoked_at};
}

RevocationList revocation_list(storage::Store& store) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return {unit->certificates().withdrawn_ids(), unit->certificates().largest_id()};
}

}  // namespace diplomado::services
