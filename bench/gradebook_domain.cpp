// Issue 3's benchmark, the pure part: the whole gradebook (module grades, final grades, attendance
// and progress) for ENROLLMENTS enrolments (default 100,000) × 30 assessments (3,000,000 grades)
// and 20 sessions each, once the data is in memory. Goal: under 100 ms. Prints the figures.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "domain/gradebook.hpp"

int main() {
  using namespace diplomado;
  const char* size = std::getenv("ENROLLMENTS");
  const std::size_t enrollments = size ? std::strtoull(size, nullptr, 10) : 100000;
  constexpr std::size_t modules = 6, assessments = 30, sessions = 20;

  GradebookInput input;
  input.modules.assign(modules, GradedModule{1, std::nullopt});
  for (std::size_t a = 0; a < assessments - 2; ++a) input.assessments.push_back({a % modules, AssessmentKind::quiz, 10, 1.0 + double(a % 3)});
  input.assessments.push_back({std::nullopt, AssessmentKind::pretest, 40, 1});
  input.assessments.push_back({std::nullopt, AssessmentKind::posttest, 40, 1});
  for (std::size_t s = 0; s < sessions; ++s) input.session_modules.push_back(s % modules);
  input.enrollments = enrollments;
  input.scores.resize(enrollments * assessments);
  input.attendance.resize(enrollments * sessions);
  std::mt19937 random(20231011);
  std::uniform_real_distribution<float> score(0, 10);
  for (auto& value : input.scores) value = random() % 50 == 0 ? std::numeric_limits<float>::quiet_NaN() : score(random);
  for (auto& mark : input.attendance) mark = static_cast<Attendance>(1 + random() % 4);

  std::vector<EnrollmentProgress> rows;
  compute_gradebook(input, rows);  // warm: allocations of the result rows
  double best = 1e9;
  for (int round = 0; round < 5; ++round) {
    const auto start = std::chrono::steady_clock::now();
    compute_gradebook(input, rows);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, ms);
  }
  std::size_t passing = 0;
  for (const auto& row : rows) passing += row.modules_passed == int(modules) && row.meets_attendance;
  std::printf("gradebook (domain only): %zu enrolments x %zu assessments (%zu grades) + %zu sessions each\n", enrollments, assessments,
              enrollments * assessments, sessions);
  std::printf("  best of 5: %.1f ms  (%.0f enrolments/ms; goal: under 100 ms)  [%zu pass everything]\n", best, double(enrollments) / best, passing);
  return 0;
}
