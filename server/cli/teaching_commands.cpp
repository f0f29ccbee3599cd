#include "documents/ranking_report.hpp"
#include "services/rank_projects.hpp"
#include "cli/teaching_commands.hpp"

#include <ostream>

#include "documents/gradebook_report.hpp"
#include "documents/import_report.hpp"
#include "documents/table_reader.hpp"
#include "services/import_grades.hpp"
#include "services/get_gradebook.hpp"
#include "services/list_programmes.hpp"

namespace diplomado::cli {
int run_gradebook(services::Store& store, const std::string& programme_code, const std::string& format, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto gradebook = services::get_gradebook(store, std::nullopt, *programme_id);
  if (!gradebook) return print_error(gradebook.error(), console), 1;
  console.out << (format == "csv" ? documents::gradebook_csv(*gradebook) : documents::gradebook_json(*gradebook) + '\n');
  return 0;
}

int run_gain(services::Store& store, const std::string& programme_code, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto report = services::get_knowledge_gain(store, std::nullopt, *programme_id);
  if (!report) return print_error(report.error(), console), 1;
  console.out << documents::knowledge_gain_json(*report) << '\n';
  return 0;
}

int run_rank(services::Store& store, const std::string& programme_code, bool calibrated, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto ranking = services::get_ranking(store, std::nullopt, *programme_id, calibrated ? services::RankingOrder::calibrated : services::RankingOrder::raw);
  if (!ranking) return print_error(ranking.error(), console), 1;
  console.out << documents::ranking_json(*ranking) << '\n';
  return 0;
}

int run_import_grades(services::Store& store, const std::string& file, const std::string& programme_code, bool dry_run, Console& console) {
  auto programme_id = services::find_programme_by_code(store, programme_code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto bytes = read_whole_file(file, documents::max_table_bytes, FileKind::grades);
  if (!bytes) return print_error(bytes.error(), console), 1;
  auto summary = services::import_grades(store, std::nullopt, *programme_id, dry_run ? services::ImportMode::dry_run : services::ImportMode::commit,
                                         documents::table_reader_for(*bytes), current_time());
  if (!summary) return print_error(summary.error(), console), 1;
  console.out << documents::grade_import_json(*summary, console.language) << '\n';
  return summary->errors.empty() ? 0 : 2;
}

}  // namespace diplomado::cli
