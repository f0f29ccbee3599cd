#include "cli/closing_commands.hpp"

#include <fmt/format.h>

#include <fstream>
#include <ostream>

#include "documents/indicator_report.hpp"
#include "documents/news_document.hpp"
#include "services/close_programme.hpp"
#include "services/list_programmes.hpp"
#include "services/report_indicators.hpp"

namespace diplomado::cli {

int run_report_indicators(services::Store& store, const IndicatorCommand& command, Console& console) {
  if (command.format == "xlsx" && command.output.empty())
    return print_error(field_error("output", "required", "error.cli.xlsx_needs_output"), console), 1;
  auto programme_id = services::find_programme_by_code(store, command.programme);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  const auto audience = command.shared ? services::ReportAudience::shared : services::ReportAudience::programme;
  auto report = services::get_indicators(store, std::nullopt, *programme_id, audience, command.threshold);
  if (!report) return print_error(report.error(), console), 1;
  if (command.format == "xlsx") {
    auto bytes = documents::workbook_xlsx(documents::indicator_workbook(*report, console.language));
    if (!bytes) return print_error(bytes.error(), console), 1;
    return write_output(*bytes, command.output, console);
  }
  if (command.format == "csv") return write_output(documents::table_csv(documents::indicator_long_table(*report, console.language), console.language), command.output, console);
  return write_output(documents::indicators_json(*report) + '\n', command.output, console);
}

int run_news(services::Store& store, const NewsCommand& command, Console& console) {
  if (command.format == "odt" && command.output.empty())
    return print_error(field_error("output", "required", "error.cli.odt_needs_output"), console), 1;
  auto programme_id = services::find_programme_by_code(store, command.programme);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  const auto language = command.language == "en" ? Language::en : Language::es;
  auto news = services::get_news(store, std::nullopt, *programme_id, language);
  if (!news) return print_error(news.error(), console), 1;
  for (const auto& key : news->generated.missing) console.err << translate("cli.news.missing", console.language) << ' ' << translate(key, console.language) << '\n';
  if (command.format == "odt") {
    auto odt = documents::news_odt(news->generated.markdown, language);
    if (!odt) return print_error(odt.error(), console), 1;
    return write_output(*odt, command.output, console);
  }
  return write_output(news->generated.markdown + '\n', command.output, console);
}

}  // namespace diplomado::cli
