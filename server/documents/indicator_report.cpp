#include "documents/indicator_report.hpp"

#include <fmt/format.h>

#include "services/frameworks.hpp"
#include "domain/programme_rules.hpp"
#include "json/domain_writer.hpp"

namespace diplomado::documents {
namespace {


void write_count(JsonWriter& json, const Count& count) {
  json.begin_object();
  if (count.shown()) json.field("count", count.value);
  else json.field("suppressed", std::string(to_string(count.suppression)));
  json.end_object();
}

void write_categories(JsonWriter& json, const std::vector<Category>& categories) {
  json.begin_array();
  for (const auto& category : categories) {
    json.begin_object().field("key", category.key).key("label");
    write_localized(json, category.label);
    json.end_object();
  }
  json.end_array();
}

void write_counts(JsonWriter& json, const std::vector<Count>& counts) {
  json.begin_array();
  for (const auto& count : counts) write_count(json, count);
  json.end_array();
}

void write_table(JsonWriter& json, const CountTable& table) {
  json.begin_object()
      .field("key", table.key)
      .field("row_dimension", table.row_dimension)
      .field("column_dimension", table.column_dimension)
      .key("rows");
  write_categories(json, table.rows);
  json.key("columns");
  write_categories(json, table.columns);
  json.key("cells").begin_array();
  for (const auto& row : table.cells) write_counts(json, row);
  json.end_array();
  json.key("row_totals");
  if (table.row_totals) write_counts(json, table.row_total);
  else json.null();
  json.key("column_totals");
  if (table.column_totals) write_counts(json, table.column_total);
  else json.null();
  json.key("grand_total");
  if (table.grand_total) write_count(json, *table.grand_total);
  else json.null();
  json.end_object();
}

std::string count_text(const Count& count, std::int64_t threshold) {
  switch (count.suppression) {
    case Suppression::none: return std::to_string(count.value);
    case Suppression::small: return "<" + std::to_string(threshold);
    case Suppression::complementary: return "x";
  }
  return {};
}

TableCell count_cell(const Count& count, std::int64_t threshold) {
  if (count.shown()) return static_cast<double>(count.value);
  return count_text(count, threshold);
}

TableCell number_cell(const std::optional<double>& value) {
  if (!value) return std::monostate{};
  return *value;
}

std::string table_title(const CountTable& table, Language language) {
  if (!table.title.es.empty()) return in_language(table.title, language);
  return translate("report.table." + table.key, language);
}

std::string sheet_name(const CountTable& table, Language language) {
  if (table.row_dimension == "response") return translate("report.sheet.likert", language) + " " + table.key.substr(table.key.find('_') + 1);
  return translate("report.sheet." + table.key, language);
}

// The tables of the report, in the order of the page: status breakdowns, cross-tabulations,
// the distribution of gains, then each question's answers.
std::vector<const CountTable*> count_tables(const Indicators& indicators) {
  std::vector<const CountTable*> tables;
  for (const auto& table : indicators.breakdowns) tables.push_back(&table);
  for (const auto& table : indicators.cross_tabs) tables.push_back(&table);
  if (indicators.gain) tables.push_back(&indicators.gain->distribution);
  for (const auto& question : indicators.satisfaction) tables.push_back(&question.answers);
  return tables;
}

Table sheet_of(const CountTable& table, std::int64_t threshold, Language language, std::size_t number) {
  Table sheet;
  sheet.sheet = fmt::format("{} {}", number, sheet_name(table, language)).substr(0, 31);
  sheet.headers.push_back(translate("report.dimension." + table.row_dimension, language));
  for (const auto& column : table.columns) sheet.headers.push_back(in_language(column.label, language));
  if (table.row_totals) sheet.headers.push_back(translate("report.total", language));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<TableCell> row{in_language(table.rows[r].label, language)};
    for (const auto& cell : table.cells[r]) row.push_back(count_cell(cell, threshold));
    if (table.row_totals) row.push_back(count_cell(table.row_total[r], threshold));
    sheet.rows.push_back(std::move(row));
  }
  if (table.column_totals) {
    std::vector<TableCell> row{translate("report.total", language)};
    for (const auto& total : table.column_total) row.push_back(count_cell(total, threshold));
    if (table.grand_total) row.push_back(count_cell(*table.grand_total, threshold));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

std::string indicators_json(const services::IndicatorReport& report) {
  const auto& indicators = report.indicators;
  JsonWriter json;
  json.begin_object().field("programme", report.programme_code).key("title");
  write_localized(json, report.title);
  json.field("status", std::string(to_string(report.status)))
      .field("start_date", report.start_date)
      .field("end_date", report.end_date)
      .field("audience", std::string(report.audience == services::ReportAudience::shared ? "shared" : "programme"))
      .key("small_cell_threshold");
  if (indicators.small_cell_threshold > 0) json.value(indicators.small_cell_threshold);
  else json.null();
  json.field("has_data", indicators.enrolled.value > 0);
  json.key("headline").begin_object();
  json.key("enrolled");
  write_count(json, indicators.enrolled);
  json.key("withdrawn");
  write_count(json, indicators.withdrawn);
  json.key("completed");
  write_count(json, indicators.completed);
  json.key("graduated");
  write_count(json, indicators.graduated);
  json.end_object();
  json.key("breakdowns").begin_array();
  for (const auto& table : indicators.breakdowns) write_table(json, table);
  json.end_array();
  json.key("cross_tabs").begin_array();
  for (const auto& table : indicators.cross_tabs) write_table(json, table);
  json.end_array();

  const auto& attendance = indicators.attendance;
  json.key("attendance").begin_object().field("n", attendance.n).field("threshold", report.attendance_threshold).field("mean", attendance.mean);
  json.field("share_meeting_threshold", attendance.share_meeting_threshold).key("modules").begin_array();
  for (std::size_t m = 0; m < report.modules.size(); ++m) {
    json.begin_object().field("position", static_cast<std::int64_t>(m + 1)).key("title");
    write_localized(json, report.modules[m]);
    json.field("mean", m < attendance.module_means.size() ? attendance.module_means[m] : std::nullopt).end_object();
  }
  json.end_array().end_object();

  json.key("knowledge_gain");
  if (indicators.gain) {
    const auto& gain = indicators.gain->aggregate;
    json.begin_object()
        .field("n", static_cast<std::int64_t>(gain.pairs))
        .field("mean_pre", gain.mean_pre)
        .field("mean_post", gain.mean_post)
        .field("mean_gain", gain.mean_gain)
        .field("mean_normalised_gain", gain.mean_normalised_gain)
        .field("share_improved", gain.share_improved)
        .field("share_post_at_pass_mark", gain.share_post_pass)
        .field("z", gain.wilcoxon.z)
        .field("p_value", gain.wilcoxon.p_value)
        .key("distribution");
    write_table(json, indicators.gain->distribution);
    json.end_object();
  } else {
    json.null();
  }

  json.key("satisfaction").begin_object().field("respondents", indicators.survey_respondents).key("questions").begin_array();
  for (const auto& question : indicators.satisfaction) {
    json.begin_object().key("question");
    write_localized(json, question.question);
    json.field("n", question.n).field("mean", question.mean).key("answers");
    write_table(json, question.answers);
    json.end_object();
  }
  json.end_array().end_object();

  const auto& gcm = indicators.gcm;
  json.key("gcm").begin_object().key("objectives").begin_array();
  for (std::size_t o = 0; o < gcm.objectives.size(); ++o) {
    json.begin_object().field("number", gcm.objectives[o]).key("title");
    write_localized(json, services::gcm_objective_title(gcm.objectives[o]).value_or(LocalizedText{}));
    json.field("projects", gcm.per_objective[o]).end_object();
  }
  json.end_array().key("projects").begin_array();
  for (std::size_t p = 0; p < gcm.projects.size(); ++p) {
    json.begin_object().field("title", gcm.projects[p].title).field("team", gcm.projects[p].team).key("region");
    write_localized(json, gcm.projects[p].subdivision.label);
    json.key("aligned").begin_array();
    for (bool aligned : gcm.aligned[p]) json.value(aligned);
    json.end_array().end_object();
  }
  json.end_array().end_object();

  json.key("sdgs").begin_array();
  for (int goal : report.sdgs) {
    json.begin_object().field("number", goal).key("name");
    write_localized(json, services::sdg_name(goal).value_or(LocalizedText{}));
    json.end_object();
  }
  json.end_array().end_object();
  return json.take();
}

std::vector<Table> indicator_workbook(const services::IndicatorReport& report, Language language) {
  const auto& indicators = report.indicators;
  const auto threshold = indicators.small_cell_threshold;
  std::vector<Table> sheets;
  Table cover;
  cover.sheet = translate("report.sheet.cover", language);
  cover.filter = false;
  cover.headers = {translate("report.cover.item", language), translate("report.cover.value", language)};
  auto line = [&](std::string_view key, TableCell value) { cover.rows.push_back({translate(key, language), std::move(value)}); };
  line("report.cover.programme", in_language(report.title, language));
  line("report.cover.code", report.programme_code);
  line("report.cover.dates", report.start_date + " – " + report.end_date);
  for (const auto& organisation : report.organisations)
    line(organisation.role == "funder" ? "report.cover.funder" : "report.cover.implementer", in_language(organisation.name, language));
  line("report.cover.audience", translate(report.audience == services::ReportAudience::shared ? "report.cover.shared" : "report.cover.internal", language));
  if (threshold > 0) line("report.cover.suppression", fmt::format(fmt::runtime(translate("report.cover.suppression_rule", language)), threshold));
  line("report.headline.enrolled", count_cell(indicators.enrolled, threshold));
  line("report.headline.completed", count_cell(indicators.completed, threshold));
  line("report.headline.graduated", count_cell(indicators.graduated, threshold));
  line("report.attendance.mean", number_cell(indicators.attendance.mean));
  line("report.attendance.share", number_cell(indicators.attendance.share_meeting_threshold));
  if (indicators.gain) {
    line("report.gain.mean_pre", indicators.gain->aggregate.mean_pre);
    line("report.gain.mean_post", indicators.gain->aggregate.mean_post);
    line("report.gain.mean_gain", indicators.gain->aggregate.mean_gain);
  }
  line("report.satisfaction.respondents", static_cast<double>(indicators.survey_respondents));
  for (const auto& question : indicators.satisfaction) cover.rows.push_back({in_language(question.question, language), number_cell(question.mean)});
  for (int goal : report.sdgs)
    cover.rows.push_back({fmt::format("{} {}", translate("report.cover.sdg", language), goal), in_language(services::sdg_name(goal).value_or(LocalizedText{}), language)});
  sheets.push_back(std::move(cover));

  std::size_t number = 1;
  for (const auto* table : count_tables(indicators)) sheets.push_back(sheet_of(*table, threshold, language, number++));

  Table modules;
  modules.sheet = fmt::format("{} {}", number++, translate("report.sheet.attendance", language)).substr(0, 31);
  modules.headers = {translate("report.dimension.module", language), translate("report.attendance.mean", language)};
  for (std::size_t m = 0; m < report.modules.size(); ++m)
    modules.rows.push_back({in_language(report.modules[m], language),
                            number_cell(m < indicators.attendance.module_means.size() ? indicators.attendance.module_means[m] : std::nullopt)});
  sheets.push_back(std::move(modules));

  Table gcm;
  gcm.sheet = fmt::format("{} {}", number++, translate("report.sheet.gcm", language)).substr(0, 31);
  gcm.headers = {translate("report.gcm.project", language), translate("report.gcm.team", language)};
  for (int objective : indicators.gcm.objectives) gcm.headers.push_back(fmt::format("{} {}", translate("report.gcm.objective", language), objective));
  for (std::size_t p = 0; p < indicators.gcm.projects.size(); ++p) {
    std::vector<TableCell> row{indicators.gcm.projects[p].title, indicators.gcm.projects[p].team};
    for (bool aligned : indicators.gcm.aligned[p]) row.push_back(aligned ? TableCell{std::string("✓")} : TableCell{std::monostate{}});
    gcm.rows.push_back(std::move(row));
  }
  std::vector<TableCell> totals;
  totals.emplace_back(translate("report.total", language));
  totals.emplace_back(std::monostate{});
  for (auto count : indicators.gcm.per_objective) totals.push_back(static_cast<double>(count));
  gcm.rows.push_back(std::move(totals));
  sheets.push_back(std::move(gcm));
  return sheets;
}

Table indicator_long_table(const services::IndicatorReport& report, Language language) {
  const auto threshold = report.indicators.small_cell_threshold;
  Table table;
  table.sheet = translate("report.sheet.cover", language);
  table.headers = {translate("report.long.table", language), translate("report.long.row", language), translate("report.long.column", language),
                   translate("report.long.value", language)};
  auto add = [&](const std::string& title, const std::string& row, const std::string& column, const Count& count) {
    table.rows.push_back({title, row, column, count.shown() ? TableCell{static_cast<double>(count.value)} : TableCell{count_text(count, threshold)}});
  };
  const auto total = translate("report.total", language);
  for (const auto* counts : count_tables(report.indicators)) {
    const auto title = table_title(*counts, language);
    for (std::size_t r = 0; r < counts->rows.size(); ++r) {
      for (std::size_t c = 0; c < counts->columns.size(); ++c)
        add(title, in_language(counts->rows[r].label, language), in_language(counts->columns[c].label, language), counts->cells[r][c]);
      if (counts->row_totals) add(title, in_language(counts->rows[r].label, language), total, counts->row_total[r]);
    }
    if (counts->column_totals)
      for (std::size_t c = 0; c < counts->columns.size(); ++c) add(title, total, in_language(counts->columns[c].label, language), counts->column_total[c]);
    if (counts->grand_total) add(title, total, total, *counts->grand_total);
  }
  return table;
}

}  // namespace diplomado::documents
