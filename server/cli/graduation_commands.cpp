#include "cli/graduation_commands.hpp"

#include <fmt/format.h>

#include <ostream>

#include "documents/eligibility_report.hpp"
#include "services/decide_graduation.hpp"
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

}  // namespace diplomado::cli
