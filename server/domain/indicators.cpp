#include "domain/indicators.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <numeric>
#include <tuple>

namespace diplomado {

std::string_view to_string(Suppression suppression) {
  switch (suppression) {
    case Suppression::none: return "none";
    case Suppression::small: return "small";
    case Suppression::complementary: return "complementary";
  }
  return "none";
}

void compute_totals(CountTable& table) {
  const auto rows = table.rows.size();
  const auto columns = table.columns.size();
  table.row_total.clear();
  table.column_total.clear();
  table.grand_total.reset();
  std::int64_t grand = 0;
  if (table.row_totals)
    for (std::size_t r = 0; r < rows; ++r) {
      std::int64_t sum = 0;
      for (std::size_t c = 0; c < columns; ++c) sum += table.cells[r][c].value;
      table.row_total.push_back({sum});
    }
  if (table.column_totals)
    for (std::size_t c = 0; c < columns; ++c) {
      std::int64_t sum = 0;
      for (std::size_t r = 0; r < rows; ++r) sum += table.cells[r][c].value;
      table.column_total.push_back({sum});
      grand += sum;
    }
  if (table.row_totals && table.column_totals) table.grand_total = Count{grand};
}

void suppress_small_cells(CountTable& table, std::int64_t threshold) {
  if (threshold <= 1) return;
  const auto rows = table.rows.size();
  const auto columns = table.columns.size();
  // Every published count, each line a set of them that adds up: inner cells first, the total last.
  std::vector<Count*> inner;
  std::vector<std::vector<Count*>> lines;
  for (auto& row : table.cells)
    for (auto& cell : row) inner.push_back(&cell);
  if (table.row_totals)
    for (std::size_t r = 0; r < rows; ++r) {
      std::vector<Count*> line;
      for (std::size_t c = 0; c < columns; ++c) line.push_back(&table.cells[r][c]);
      line.push_back(&table.row_total[r]);
      lines.push_back(std::move(line));
    }
  if (table.column_totals)
    for (std::size_t c = 0; c < columns; ++c) {
      std::vector<Count*> line;
      for (std::size_t r = 0; r < rows; ++r) line.push_back(&table.cells[r][c]);
      line.push_back(&table.column_total[c]);
      lines.push_back(std::move(line));
    }
  if (table.grand_total) {
    std::vector<Count*> across;
    for (auto& total : table.column_total) across.push_back(&total);
    across.push_back(&*table.grand_total);
    lines.push_back(std::move(across));
    std::vector<Count*> down;
    for (auto& total : table.row_total) down.push_back(&total);
    down.push_back(&*table.grand_total);
    lines.push_back(std::move(down));
  }

  auto hide_if_small = [&](Count& count) {
    if (count.value > 0 && count.value < threshold) count.suppression = Suppression::small;
  };
  for (auto* cell : inner) hide_if_small(*cell);
  for (auto& total : table.row_total) hide_if_small(total);
  for (auto& total : table.column_total) hide_if_small(total);
  if (table.grand_total) hide_if_small(*table.grand_total);

  // The complement of a line: an inner cell before its total, a non-zero count before a zero,
  // then the smallest.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& line : lines) {
      const auto hidden = std::ranges::count_if(line, [](const Count* count) { return !count->shown(); });
      if (hidden != 1) continue;
      Count* best = nullptr;
      auto rank = [&](std::size_t index) {
        const Count* count = line[index];
        const bool is_total = index + 1 == line.size();
        return std::tuple{is_total, count->value == 0, count->value};
      };
      std::size_t best_index = 0;
      for (std::size_t index = 0; index < line.size(); ++index) {
        if (!line[index]->shown()) continue;
        if (!best || rank(index) < rank(best_index)) {
          best = line[index];
          best_index = index;
        }
      }
      if (best) {
        best->suppression = Suppression::complementary;
        changed = true;
      }
    }
  }
}

namespace {

const char* const status_keys[] = {"enrolled", "withdrawn", "completed", "graduated"};

Category status_category(std::size_t index) {
  static const LocalizedText labels[] = {
      {"Inscritos", "Enrolled"}, {"Retirados", "Withdrawn"}, {"Completaron", "Completed"}, {"Graduados", "Graduated"}};
  return {status_keys[index], labels[index]};
}

// Which status columns an enrolment counts in: every enrolment is enrolled; graduates completed.
std::array<bool, 4> status_flags(EnrollmentStatus status) {
  return {true, status == EnrollmentStatus::withdrawn,
          status == EnrollmentStatus::completed || status == EnrollmentStatus::graduated, status == EnrollmentStatus::graduated};
}

// The categories of one dimension that occur, in the order of their labels (Spanish), and each
// enrolment's category among them: found once per dimension, then shared by every table.
struct Dimension {
  std::string name;
  std::vector<Category> categories;
  std::vector<std::uint32_t> of;  // per enrolment
};

Dimension dimension_of(const std::vector<IndicatorEnrollment>& enrollments, Category IndicatorEnrollment::*member, std::string name) {
  Dimension dimension{std::move(name), {}, {}};
  std::unordered_map<std::string, std::uint32_t> seen;
  std::vector<std::uint32_t> first(enrollments.size());
  for (std::size_t e = 0; e < enrollments.size(); ++e) {
    const auto& category = enrollments[e].*member;
    auto [found, inserted] = seen.try_emplace(category.key, static_cast<std::uint32_t>(dimension.categories.size()));
    if (inserted) dimension.categories.push_back(category);
    first[e] = found->second;
  }
  std::vector<std::uint32_t> order(dimension.categories.size());
  std::iota(order.begin(), order.end(), 0u);
  std::ranges::stable_sort(order, [&](std::uint32_t a, std::uint32_t b) {
    const auto& left = dimension.categories[a];
    const auto& right = dimension.categories[b];
    return std::tie(left.label.es, left.key) < std::tie(right.label.es, right.key);
  });
  std::vector<std::uint32_t> position(order.size());
  std::vector<Category> sorted;
  for (std::uint32_t p = 0; p < order.size(); ++p) {
    position[order[p]] = p;
    sorted.push_back(dimension.categories[order[p]]);
  }
  dimension.categories = std::move(sorted);
  dimension.of.resize(enrollments.size());
  for (std::size_t e = 0; e < enrollments.size(); ++e) dimension.of[e] = position[first[e]];
  return dimension;
}

CountTable breakdown(const std::vector<IndicatorEnrollment>& enrollments, const Dimension& dimension) {
  CountTable table;
  table.key = "by_" + dimension.name;
  table.row_dimension = dimension.name;
  table.column_dimension = "status";
  table.rows = dimension.categories;
  for (std::size_t s = 0; s < 4; ++s) table.columns.push_back(status_category(s));
  table.cells.assign(table.rows.size(), std::vector<Count>(4));
  for (std::size_t e = 0; e < enrollments.size(); ++e) {
    auto& row = table.cells[dimension.of[e]];
    const auto flags = status_flags(enrollments[e].status);
    for (std::size_t s = 0; s < 4; ++s)
      if (flags[s]) ++row[s].value;
  }
  table.row_totals = false;
  table.column_totals = true;
  compute_totals(table);
  return table;
}

CountTable cross_tab(const std::vector<IndicatorEnrollment>& enrollments, const Dimension& rows, const Dimension& columns, std::size_t status_column) {
  CountTable table;
  table.key = std::string(status_keys[status_column]) + "_" + rows.name + "_by_" + columns.name;
  table.row_dimension = rows.name;
  table.column_dimension = columns.name;
  table.rows = rows.categories;
  table.columns = columns.categories;
  table.cells.assign(table.rows.size(), std::vector<Count>(table.columns.size()));
  for (std::size_t e = 0; e < enrollments.size(); ++e)
    if (status_flags(enrollments[e].status)[status_column]) ++table.cells[rows.of[e]][columns.of[e]].value;
  table.row_totals = true;
  table.column_totals = true;
  compute_totals(table);
  return table;
}

bool is_active(EnrollmentStatus status) { return status != EnrollmentStatus::withdrawn; }

std::optional<double> mean_of(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

CountTable gain_distribution(const std::vector<std::pair<double, double>>& pairs) {
  static const LocalizedText bands[] = {{"Menos de 0", "Below 0"}, {"0 a 9,9", "0 to 9.9"},   {"10 a 19,9", "10 to 19.9"},
                                        {"20 a 29,9", "20 to 29.9"}, {"30 a 39,9", "30 to 39.9"}, {"40 o más", "40 or more"}};
  static const char* const keys[] = {"below_0", "0_10", "10_20", "20_30", "30_40", "40_plus"};
  CountTable table;
  table.key = "gain_distribution";
  table.row_dimension = "gain_band";
  table.column_dimension = "count";
  for (std::size_t b = 0; b < 6; ++b) table.rows.push_back({keys[b], bands[b]});
  table.columns.push_back({"participants", {"Participantes", "Participants"}});
  table.cells.assign(6, std::vector<Count>(1));
  for (const auto& [pre, post] : pairs) {
    const double gain = post - pre;
    const std::size_t band = gain < 0 ? 0 : std::min<std::size_t>(5, static_cast<std::size_t>(gain / 10) + 1);
    ++table.cells[band][0].value;
  }
  compute_totals(table);
  return table;
}

LikertIndicator likert_indicator(const LikertResult& result, std::size_t position) {
  LikertIndicator out;
  out.question = result.question;
  out.answers.key = "likert_" + std::to_string(position + 1);
  out.answers.title = result.question;
  out.answers.row_dimension = "response";
  out.answers.column_dimension = "count";
  out.answers.columns.push_back({"answers", {"Respuestas", "Answers"}});
  double sum = 0;
  for (int point = result.scale_min; point <= result.scale_max; ++point) {
    const auto index = static_cast<std::size_t>(point - result.scale_min);
    const std::int64_t count = index < result.counts.size() ? result.counts[index] : 0;
    out.answers.rows.push_back({std::to_string(point), {std::to_string(point), std::to_string(point)}});
    out.answers.cells.push_back({Count{count}});
    out.n += count;
    sum += static_cast<double>(point) * static_cast<double>(count);
  }
  if (out.n > 0) out.mean = sum / static_cast<double>(out.n);
  compute_totals(out.answers);
  return out;
}

}  // namespace

Indicators compute_indicators(const IndicatorInput& input) {
  Indicators out;
  const auto& enrollments = input.enrollments;
  for (const auto& enrollment : enrollments) {
    const auto flags = status_flags(enrollment.status);
    ++out.enrolled.value;
    out.withdrawn.value += flags[1];
    out.completed.value += flags[2];
    out.graduated.value += flags[3];
  }
  const auto sex = dimension_of(enrollments, &IndicatorEnrollment::sex, "sex");
  const auto institution = dimension_of(enrollments, &IndicatorEnrollment::institution, "institution");
  const auto level = dimension_of(enrollments, &IndicatorEnrollment::level, "level");
  const auto subdivision = dimension_of(enrollments, &IndicatorEnrollment::subdivision, "subdivision");
  for (const auto* dimension : {&sex, &institution, &level, &subdivision}) out.breakdowns.push_back(breakdown(enrollments, *dimension));
  for (std::size_t status : {std::size_t{0}, std::size_t{3}})
    for (const auto* dimension : {&institution, &level, &subdivision}) out.cross_tabs.push_back(cross_tab(enrollments, *dimension, sex, status));

  // Attendance of the enrolments still active (a withdrawal's absences say nothing of the course).
  std::vector<double> rates;
  std::vector<std::vector<double>> module_rates(input.modules.size());
  std::int64_t meeting = 0;
  std::vector<std::pair<double, double>> pairs;
  for (const auto& enrollment : enrollments) {
    if (!is_active(enrollment.status)) continue;
    if (enrollment.attendance) {
      rates.push_back(*enrollment.attendance);
      meeting += *enrollment.attendance >= input.attendance_threshold;
    }
    for (std::size_t m = 0; m < module_rates.size() && m < enrollment.module_attendance.size(); ++m)
      if (enrollment.module_attendance[m]) module_rates[m].push_back(*enrollment.module_attendance[m]);
    if (enrollment.pretest && enrollment.posttest) pairs.emplace_back(*enrollment.pretest, *enrollment.posttest);
  }
  out.attendance.n = static_cast<std::int64_t>(rates.size());
  out.attendance.mean = mean_of(rates);
  if (!rates.empty()) out.attendance.share_meeting_threshold = static_cast<double>(meeting) / static_cast<double>(rates.size());
  for (const auto& values : module_rates) out.attendance.module_means.push_back(mean_of(values));

  if (!pairs.empty()) out.gain = GainIndicators{knowledge_gain(pairs, input.pass_mark), gain_distribution(pairs)};

  out.survey_respondents = input.survey_respondents;
  for (std::size_t q = 0; q < input.likert.size(); ++q) out.satisfaction.push_back(likert_indicator(input.likert[q], q));

  // The GCM's objectives the projects cover, in the Compact's order.
  std::vector<int> objectives;
  for (const auto& project : input.projects) objectives.insert(objectives.end(), project.gcm_objectives.begin(), project.gcm_objectives.end());
  std::ranges::sort(objectives);
  objectives.erase(std::unique(objectives.begin(), objectives.end()), objectives.end());
  out.gcm.objectives = objectives;
  out.gcm.projects = input.projects;
  out.gcm.per_objective.assign(objectives.size(), 0);
  for (const auto& project : input.projects) {
    std::vector<bool> row(objectives.size(), false);
    for (int objective : project.gcm_objectives) {
      const auto at = static_cast<std::size_t>(std::ranges::lower_bound(objectives, objective) - objectives.begin());
      if (!row[at]) ++out.gcm.per_objective[at];
      row[at] = true;
    }
    out.gcm.aligned.push_back(std::move(row));
  }
  return out;
}

void protect_for_sharing(Indicators& indicators, std::int64_t threshold) {
  if (threshold <= 1) return;
  indicators.small_cell_threshold = threshold;
  for (auto* headline : {&indicators.enrolled, &indicators.withdrawn, &indicators.completed, &indicators.graduated})
    if (headline->value > 0 && headline->value < threshold) headline->suppression = Suppression::small;
  for (auto& table : indicators.breakdowns) suppress_small_cells(table, threshold);
  for (auto& table : indicators.cross_tabs) suppress_small_cells(table, threshold);
  // A mean of fewer people than the threshold is as telling as their count: not shared.
  if (indicators.attendance.n < threshold) {
    indicators.attendance.mean.reset();
    indicators.attendance.share_meeting_threshold.reset();
    for (auto& mean : indicators.attendance.module_means) mean.reset();
  }
  if (indicators.gain) {
    if (static_cast<std::int64_t>(indicators.gain->aggregate.pairs) < threshold) indicators.gain.reset();
    else suppress_small_cells(indicators.gain->distribution, threshold);
  }
  for (auto& question : indicators.satisfaction) {
    if (question.n < threshold) question.mean.reset();
    suppress_small_cells(question.answers, threshold);
  }
}

}  // namespace diplomado
