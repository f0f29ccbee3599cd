#include "cli/graduation_commands.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <ostream>

#include "documents/certificate_batch.hpp"
#include "documents/credential.hpp"
#include "documents/eligibility_report.hpp"
#include "json/json_reader.hpp"
#include "services/credential_proof.hpp"
#include "services/decide_graduation.hpp"
#include "services/issue_certificates.hpp"
#include "services/list_programmes.hpp"

namespace diplomado::cli {

int run_eligibility(services::Store& store, const std::string& programme_code, const std::string& format, const std::vector<std::string>& what_if,
                    Console& console) {
  WhatIf thresholds;
  for (const auto& term : what_if)
    if (auto added = add_what_if_term(thresholds, term); !added) return print_error(added.error(), console), 1;
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto report = services::get_eligibility(store, std::nullopt, *programme_id, thresholds);
  if (!report) return print_error(report.error(), console), 1;
  console.out << (format == "csv" ? documents::eligibility_csv(*report, console.language) : documents::eligibility_json(*report) + '\n');
  return 0;
}

int run_graduate(services::Store& store, const std::string& programme_code, bool dry_run, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto result = services::graduate_class(store, std::nullopt, *programme_id, dry_run ? services::DryRun::yes : services::DryRun::no, current_time());
  if (!result) return print_error(result.error(), console), 1;
  console.out << documents::graduation_json(*result) << '\n';
  const auto key = dry_run ? "cli.graduate.dry_run" : "cli.graduate.done";
  console.err << fmt::format(fmt::runtime(translate(key, console.language)), result->graduates.size(), result->counts.graduated) << '\n';
  return 0;
}

int run_certificates(services::Store& store, const std::string& programme_code, const std::string& output, const std::string& public_url,
                     Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto issued = services::issue_certificates(store, std::nullopt, *programme_id, public_url, current_time());
  if (!issued) return print_error(issued.error(), console), 1;
  auto batch = services::certificates_for_batch(store, std::nullopt, *programme_id);
  if (!batch) return print_error(batch.error(), console), 1;
  // A certificate at a time into the file (libzip renames it into place when whole).
  if (!documents::write_certificates_zip(*batch, output)) return print_error(file_error(output, FileKind::output), console), 1;
  console.err << fmt::format(fmt::runtime(translate("cli.certificates.done", console.language)), batch->size(), output, issued->issued, issued->reissued)
              << '\n';
  return 0;
}

namespace {

// A JSON document from a file nobody vouches for: bounded in size and depth.
std::optional<nlohmann::json> read_document(const std::string& file, FileKind kind, Console& console, int& exit_code) {
  constexpr std::size_t document_limit = 1024 * 1024;  // a credential, a DID document or a list is kilobytes
  const auto text = read_whole_file(file, document_limit, kind);
  if (!text) {
    print_error(text.error(), console);
    exit_code = 1;
    return std::nullopt;
  }
  auto parsed = parse_bounded_json(*text);
  if (!parsed) {
    console.err << fmt::format(fmt::runtime(translate("credential.not_json", console.language)), file) << '\n';
    exit_code = 2;
    return std::nullopt;
  }
  return std::move(*parsed);
}

const nlohmann::json* member_of(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

}  // namespace

int run_verify(const VerifyOptions& options, Console& console) {
  const auto say = [&](const std::string& key, const std::string& value = {}) {
    console.err << fmt::format(fmt::runtime(translate(key, console.language)), value) << '\n';
  };
  int exit_code = 0;
  const auto credential = read_document(options.file, FileKind::credential, console, exit_code);
  if (!credential) return exit_code;
  std::optional<services::PublicKey> key;
  if (!options.public_key.empty()) {
    key = services::public_key_from_multibase(options.public_key);
    if (!key) return say("credential.bad_key", options.public_key), 1;
  }
  std::optional<nlohmann::json> did;
  if (!options.did_document.empty() && !(did = read_document(options.did_document, FileKind::credential, console, exit_code))) return exit_code;
  // --key names one key; a DID document every key of its issuer, the retired ones included.
  const services::KeyResolver resolve = [&](std::string_view method) -> std::optional<services::PublicKey> {
    if (key) return key;
    if (!did) return std::nullopt;
    const auto published = documents::published_key(*did, method);
    return published ? services::public_key_from_multibase(*published) : std::nullopt;
  };
  const auto invalid = [&](services::ProofProblem problem) {
    console.err << translate("credential.invalid", console.language) << ' '
                << translate("credential.problem." + std::string(services::to_string(problem)), console.language) << '\n';
    return 2;
  };
  if (const auto problem = services::verify_proof(*credential, resolve); problem != services::ProofProblem::none) return invalid(problem);

  // Its status, when it has one: read from the list it names, checked with the same keys.
  const auto* status = member_of(*credential, "credentialStatus");
  if (status && !options.status_list.empty()) {
    const auto list = read_document(options.status_list, FileKind::credential, console, exit_code);
    if (!list) return exit_code;
    const auto* named = member_of(*status, "statusListCredential");
    const auto* list_id = member_of(*list, "id");
    const auto* index_text = member_of(*status, "statusListIndex");
    if (!named || !list_id || *named != *list_id || !index_text || !index_text->is_string())
      return say("credential.status_list_mismatch", options.status_list), 2;
    if (const auto problem = services::verify_proof(*list, resolve); problem != services::ProofProblem::none) {
      say("credential.status_list_invalid", options.status_list);
      return invalid(problem);
    }
    std::uint64_t index = 0;
    const auto& digits = index_text->get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
    const auto bit = error == std::errc{} && end == digits.data() + digits.size() ? documents::status_list_bit(*list, index) : std::nullopt;
    if (!bit) return say("credential.status_list_unreadable", options.status_list), 2;
    if (*bit) {
      console.err << translate("credential.invalid", console.language) << ' ' << translate("credential.problem.revoked", console.language) << '\n';
      return 2;
    }
    console.out << translate("credential.valid", console.language) << ' ' << translate("credential.not_revoked", console.language) << '\n';
    return 0;
  }
  console.out << translate("credential.valid", console.language) << '\n';
  if (status) say("credential.status_unchecked");
  return 0;
}

}  // namespace diplomado::cli
