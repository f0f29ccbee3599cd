#include "cli/graduation_commands.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <ostream>

#include "documents/certificate_batch.hpp"
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

int run_verify(const std::string& file, const std::string& public_key, Console& console) {
  constexpr std::size_t credential_limit = 1024 * 1024;  // a credential is a few kilobytes
  const auto text = read_whole_file(file, credential_limit, FileKind::credential);
  if (!text) return print_error(text.error(), console), 1;
  // Through the one bounded reader (depth and size limits), as every untrusted document.
  const auto parsed = parse_bounded_json(*text);
  if (!parsed) {
    console.err << fmt::format(fmt::runtime(translate("credential.not_json", console.language)), file) << '\n';
    return 2;
  }
  std::optional<services::PublicKey> key;
  if (!public_key.empty()) {
    key = services::public_key_from_multibase(public_key);
    if (!key) {
      console.err << fmt::format(fmt::runtime(translate("credential.bad_key", console.language)), public_key) << '\n';
      return 1;
    }
  }
  const auto problem = services::verify_proof(*parsed, [&](std::string_view) { return key; });
  if (problem != services::ProofProblem::none) {
    console.err << translate("credential.invalid", console.language) << ' '
                << translate("credential.problem." + std::string(services::to_string(problem)), console.language) << '\n';
    return 2;
  }
  console.out << translate("credential.valid", console.language) << '\n';
  return 0;
}

}  // namespace diplomado::cli
