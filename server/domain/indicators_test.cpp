#include "domain/indicators.hpp"

#include <gtest/gtest.h>

#include <random>

namespace diplomado {
namespace {

Category category(std::string key) { return {key, {key, key}}; }

CountTable table_of(std::vector<std::vector<std::int64_t>> values, bool row_totals, bool column_totals) {
  CountTable table;
  for (std::size_t r = 0; r < values.size(); ++r) table.rows.push_back(category("r" + std::to_string(r)));
  for (std::size_t c = 0; c < values.front().size(); ++c) table.columns.push_back(category("c" + std::to_string(c)));
  for (const auto& row : values) {
    std::vector<Count> cells;
    for (auto value : row) cells.push_back({value});
    table.cells.push_back(cells);
  }
  table.row_totals = row_totals;
  table.column_totals = column_totals;
  compute_totals(table);
  return table;
}

// No line that adds up to a published total has exactly one hidden count, and no count from 1 to
// threshold - 1 is shown: what the rule promises, checked on the lines a reader can add up.
void expect_protected(const CountTable& table, std::int64_t threshold) {
  auto hidden = [](const Count& count) { return count.shown() ? 0 : 1; };
  auto small_shown = [&](const Count& count) { return count.shown() && count.value > 0 && count.value < threshold; };
  for (std::size_t r = 0; r < table.rows.size(); ++r)
    for (std::size_t c = 0; c < table.columns.size(); ++c) EXPECT_FALSE(small_shown(table.cells[r][c])) << r << "," << c;
  for (const auto& total : table.row_total) EXPECT_FALSE(small_shown(total));
  for (const auto& total : table.column_total) EXPECT_FALSE(small_shown(total));
  if (table.row_totals)
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      int count = hidden(table.row_total[r]);
      for (const auto& cell : table.cells[r]) count += hidden(cell);
      EXPECT_NE(count, 1) << "row " << r;
    }
  if (table.column_totals)
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      int count = hidden(table.column_total[c]);
      for (const auto& row : table.cells) count += hidden(row[c]);
      EXPECT_NE(count, 1) << "column " << c;
    }
  if (table.grand_total) {
    int across = hidden(*table.grand_total), down = hidden(*table.grand_total);
    for (const auto& total : table.column_total) across += hidden(total);
    for (const auto& total : table.row_total) down += hidden(total);
    EXPECT_NE(across, 1);
    EXPECT_NE(down, 1);
  }
}

TEST(Suppression, ASmallCountAndItsComplementInABreakdown) {
  // Women 30, men 3 out of 33: the 3 shows as "<5"; with the total published, 30 would give it
  // away (33 - 30), so 30 is hidden too. The total stays.
  auto table = table_of({{30}, {3}}, false, true);
  suppress_small_cells(table, 5);
  EXPECT_EQ(table.cells[1][0].suppression, Suppression::small);
  EXPECT_EQ(table.cells[0][0].suppression, Suppression::complementary);
  EXPECT_TRUE(table.column_total[0].shown());
  expect_protected(table, 5);
}

TEST(Suppression, ARowTotalWouldRevealAHiddenCell) {
  // 3 | 10 (13) and 8 | 12 (20): the 3 alone would be 13 - 10 from its row and 11 - 8 from its
  // column, so both are hidden, and so is the cell that would then give those away (12).
  auto table = table_of({{3, 10}, {8, 12}}, true, true);
  suppress_small_cells(table, 5);
  EXPECT_EQ(table.cells[0][0].suppression, Suppression::small);
  EXPECT_EQ(table.cells[0][1].suppression, Suppression::complementary);
  EXPECT_EQ(table.cells[1][0].suppression, Suppression::complementary);
  EXPECT_EQ(table.cells[1][1].suppression, Suppression::complementary);
  EXPECT_TRUE(table.row_total[0].shown());
  EXPECT_TRUE(table.grand_total->shown());
  expect_protected(table, 5);
}

TEST(Suppression, ASmallTotalHidesItsPartnerTotal) {
  // Row totals 4 and 40 of 44: the 4 is small, and 40 would give it away from the grand total.
  auto table = table_of({{2, 2}, {20, 20}}, true, true);
  suppress_small_cells(table, 5);
  EXPECT_EQ(table.row_total[0].suppression, Suppression::small);
  EXPECT_FALSE(table.row_total[1].shown());
  expect_protected(table, 5);
}

TEST(Suppression, ZerosAreShownAndNothingChangesAboveTheThreshold) {
  auto table = table_of({{0, 12}, {7, 9}}, true, true);
  suppress_small_cells(table, 5);
  for (const auto& row : table.cells)
    for (const auto& cell : row) EXPECT_TRUE(cell.shown());
  auto lower = table_of({{3, 12}, {7, 9}}, true, true);
  suppress_small_cells(lower, 3);  // a threshold of 3: a 3 is shown
  EXPECT_TRUE(lower.cells[0][0].shown());
}

TEST(Suppression, HoldsOnRandomTables) {
  std::mt19937 random(20231011);
  std::uniform_int_distribution<std::int64_t> value(0, 14);
  for (int round = 0; round < 300; ++round) {
    const std::size_t rows = 1 + round % 6, columns = 1 + (round / 6) % 5;
    std::vector<std::vector<std::int64_t>> values(rows, std::vector<std::int64_t>(columns));
    for (auto& row : values)
      for (auto& cell : row) cell = value(random);
    for (bool both : {false, true}) {
      auto table = table_of(values, both, true);
      suppress_small_cells(table, 5);
      expect_protected(table, 5);
      for (std::size_t r = 0; r < rows; ++r)  // the values themselves are never changed
        for (std::size_t c = 0; c < columns; ++c) EXPECT_EQ(table.cells[r][c].value, values[r][c]);
    }
  }
}

IndicatorEnrollment person(const char* sex, const char* institution, EnrollmentStatus status, std::optional<double> attendance = {},
                           std::optional<double> pre = {}, std::optional<double> post = {}) {
  IndicatorEnrollment enrollment;
  enrollment.sex = category(sex);
  enrollment.level = category("national");
  enrollment.institution = category(institution);
  enrollment.subdivision = category("PA-5");
  enrollment.status = status;
  enrollment.attendance = attendance;
  enrollment.module_attendance = {attendance};
  enrollment.pretest = pre;
  enrollment.posttest = post;
  return enrollment;
}

TEST(Indicators, CountsByStatusAndDimension) {
  using enum EnrollmentStatus;
  IndicatorInput input;
  input.modules = {{"Módulo 1", "Module 1"}};
  input.attendance_threshold = 80;
  input.enrollments = {person("female", "SNM", graduated, 90, 40, 70), person("female", "SNM", graduated, 100, 50, 55),
                       person("male", "INEC", completed, 80, 60, 50), person("male", "SNM", withdrawn, 20, 30, std::nullopt),
                       person("female", "INEC", enrolled, 70)};
  const auto indicators = compute_indicators(input);
  EXPECT_EQ(indicators.enrolled.value, 5);
  EXPECT_EQ(indicators.withdrawn.value, 1);
  EXPECT_EQ(indicators.completed.value, 3);  // graduates completed the course too
  EXPECT_EQ(indicators.graduated.value, 2);

  const auto& by_sex = indicators.breakdowns[0];
  ASSERT_EQ(by_sex.key, "by_sex");
  ASSERT_EQ(by_sex.rows.size(), 2u);
  EXPECT_EQ(by_sex.rows[0].key, "female");
  EXPECT_EQ(by_sex.cells[0][0].value, 3);  // women enrolled
  EXPECT_EQ(by_sex.cells[0][3].value, 2);  // women graduated
  EXPECT_EQ(by_sex.cells[1][1].value, 1);  // men withdrawn
  EXPECT_EQ(by_sex.column_total[0].value, 5);
  EXPECT_TRUE(by_sex.row_total.empty());  // statuses are not parts of a whole

  const auto& graduated_by_institution = indicators.cross_tabs[3];
  ASSERT_EQ(graduated_by_institution.key, "graduated_institution_by_sex");
  EXPECT_EQ(graduated_by_institution.rows[1].key, "SNM");
  EXPECT_EQ(graduated_by_institution.row_total[1].value, 2);
  EXPECT_EQ(graduated_by_institution.grand_total->value, 2);

  // Attendance of the four active enrolments: (90 + 100 + 80 + 70) / 4, three at 80 % or more.
  EXPECT_EQ(indicators.attendance.n, 4);
  EXPECT_DOUBLE_EQ(*indicators.attendance.mean, 85);
  EXPECT_DOUBLE_EQ(*indicators.attendance.share_meeting_threshold, 0.75);
  EXPECT_DOUBLE_EQ(*indicators.attendance.module_means[0], 85);

  // Three pre/post pairs among active enrolments (the withdrawn one has no post): gains 30, 5, -10.
  ASSERT_TRUE(indicators.gain);
  EXPECT_EQ(indicators.gain->aggregate.pairs, 3u);
  EXPECT_NEAR(indicators.gain->aggregate.mean_gain, 25.0 / 3, 1e-9);
  EXPECT_EQ(indicators.gain->distribution.cells[0][0].value, 1);  // below 0
  EXPECT_EQ(indicators.gain->distribution.cells[1][0].value, 1);  // 0 to 9.9
  EXPECT_EQ(indicators.gain->distribution.cells[4][0].value, 1);  // 30 to 39.9
}

TEST(Indicators, GcmCoverageAndSatisfaction) {
  IndicatorInput input;
  input.projects = {{"Ruta", "Darién", category("PA-5"), {1, 23}}, {"Datos", "Panamá", category("PA-8"), {1, 7}}};
  input.likert = {{{"¿Útil?", "Useful?"}, 1, 5, {0, 0, 1, 2, 7}}};
  input.survey_respondents = 10;
  const auto indicators = compute_indicators(input);
  EXPECT_EQ(indicators.gcm.objectives, (std::vector<int>{1, 7, 23}));
  EXPECT_EQ(indicators.gcm.per_objective, (std::vector<std::int64_t>{2, 1, 1}));
  EXPECT_EQ(indicators.gcm.aligned[0], (std::vector<bool>{true, false, true}));
  ASSERT_EQ(indicators.satisfaction.size(), 1u);
  EXPECT_EQ(indicators.satisfaction[0].n, 10);
  EXPECT_DOUBLE_EQ(*indicators.satisfaction[0].mean, (3 + 2 * 4 + 7 * 5) / 10.0);
  EXPECT_FALSE(indicators.gain);  // no pre/post pair: no gain, rather than a gain of zero
  EXPECT_FALSE(indicators.attendance.mean);
}

TEST(Indicators, SharingHidesSmallHeadlinesAndMeansOfFewPeople) {
  using enum EnrollmentStatus;
  IndicatorInput input;
  input.modules = {{"M1", "M1"}};
  for (int i = 0; i < 6; ++i) input.enrollments.push_back(person("female", "SNM", enrolled, 90, 40, 60));
  input.enrollments.push_back(person("male", "SNM", graduated, 90));
  input.likert = {{{"¿Útil?", "Useful?"}, 1, 5, {0, 0, 0, 1, 2}}};
  auto indicators = compute_indicators(input);
  protect_for_sharing(indicators, 5);
  EXPECT_TRUE(indicators.enrolled.shown());
  EXPECT_EQ(indicators.graduated.suppression, Suppression::small);
  EXPECT_TRUE(indicators.gain);                    // six pairs
  EXPECT_FALSE(indicators.satisfaction[0].mean);  // three answers
  EXPECT_EQ(indicators.small_cell_threshold, 5);
  for (const auto& table : indicators.breakdowns) expect_protected(table, 5);
  for (const auto& table : indicators.cross_tabs) expect_protected(table, 5);
}

}  // namespace
}  // namespace diplomado
