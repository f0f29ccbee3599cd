// Issue 3's benchmark, from the database: 100,000 enrolments x 30 assessments (3,000,000 grades)
// and 20 sessions each (2,000,000 attendance marks) on file; times reading them back and
// recomputing the whole gradebook. Goal on SQLite: under 1 s. Usage:
//   diplomado_gradebook_database_bench sqlite:///tmp/x.db | postgresql://...   [enrolments]
#include <soci/soci.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "documents/gradebook_report.hpp"
#include "services/get_gradebook.hpp"
#include "services/load_programme_seed.hpp"
#include "storage/database.hpp"

using namespace diplomado;

namespace {

// all_in_first_module: the 30 assessments all in module 1 (the grade grid benchmark's shape).
ProgrammeSeed bench_programme(bool all_in_first_module) {
  ProgrammeSeed seed;
  seed.programme.code = "BENCH";
  seed.programme.title = {"Banco de pruebas", "Benchmark"};
  seed.programme.country = "PA";
  seed.programme.time_zone = "America/Panama";
  seed.programme.locale = "es-PA";
  seed.programme.start_date = "2023-05-15";
  seed.programme.end_date = "2023-10-11";
  for (int m = 1; m <= 6; ++m) {
    Module module;
    module.position = m;
    module.title = {"Módulo " + std::to_string(m), "Module " + std::to_string(m)};
    module.weight = 1;
    seed.programme.modules.push_back(module);
  }
  seed.institutions = {{"i", {"Institución", "Institution"}, "INST", "", "national", "", ""}};
  for (int a = 0; a < 28; ++a)
    seed.assessments.push_back({"A" + std::to_string(a), all_in_first_module ? 1 : a % 6 + 1, "quiz", {"Evaluación", "Assessment"}, 10, 1.0 + a % 3, ""});
  if (all_in_first_module) {
    seed.assessments.push_back({"A28", 1, "quiz", {"Evaluación", "Assessment"}, 10, 1, ""});
    seed.assessments.push_back({"A29", 1, "quiz", {"Evaluación", "Assessment"}, 10, 1, ""});
  } else {
    seed.assessments.push_back({"PRE", std::nullopt, "pretest", {"Entrada", "Pre"}, 40, 1, ""});
    seed.assessments.push_back({"POST", std::nullopt, "posttest", {"Salida", "Post"}, 40, 1, ""});
  }
  for (int s = 0; s < 20; ++s)
    seed.sessions.push_back({"s" + std::to_string(s), s % 6 + 1, {"Sesión", "Session"}, "2023-06-" + std::to_string(10 + s) + "T13:00:00Z",
                             "2023-06-" + std::to_string(10 + s) + "T17:00:00Z", ""});
  return seed;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATABASE_URL [enrolments]\n", argv[0]);
    return 2;
  }
  const std::string url = argv[1];
  const long enrollments = argc > 2 ? std::atol(argv[2]) : 100000;
  auto opened = storage::open_database({.url = url, .pool_size = 2, .files_directory = {}});
  if (!opened) {
    std::fprintf(stderr, "cannot open %s\n", url.c_str());
    return 1;
  }
  const TimePoint now{std::chrono::seconds{1'697'000'000}};
  const bool grid = std::getenv("GRID_SHAPE") != nullptr;
  auto loaded = services::load_programme_seed(*opened->store, bench_programme(grid), now);
  if (!loaded) {
    std::fprintf(stderr, "seed refused: %s\n", loaded.error().message_key.c_str());
    for (const auto& detail : loaded.error().details) std::fprintf(stderr, "  %s: %s (%s)\n", detail.field.c_str(), detail.code.c_str(), detail.value.c_str());
    return 1;
  }
  const bool sqlite = opened->dialect == storage::Dialect::sqlite;
  const auto programme = std::to_string(loaded->programme_id);
  const auto n = std::to_string(enrollments);

  // The data is made by the database itself: set-based INSERTs, seconds rather than minutes.
  auto start = std::chrono::steady_clock::now();
  {
    soci::session sql(sqlite ? "sqlite3" : "postgresql", sqlite ? "db=" + url.substr(9) : *storage::postgres_keywords(url));
    const std::string numbers = sqlite ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + n + ") "
                                       : "WITH n(i) AS (SELECT generate_series(1, " + n + ")) ";
    const std::string random_unit = sqlite ? "((random() % 1000 + 1000) % 1000) / 1000.0" : "random()";
    soci::transaction transaction(sql);
    sql << numbers + "INSERT INTO person (given_names, family_names, sort_name, level, institution_id, email) "
                     "SELECT 'Persona', 'Banco ' || i, 'banco ' || i, 'local', (SELECT MIN(id) FROM institution), 'p' || i || '@bench.pa' FROM n";
    sql << "INSERT INTO enrollment (programme_id, person_id) SELECT " + programme + ", id FROM person WHERE email LIKE '%@bench.pa'";
    sql << "INSERT INTO grade (enrollment_id, assessment_id, score, updated_at) SELECT e.id, a.id, "
           "ROUND(CAST(" + random_unit + " * a.max_score AS NUMERIC), 1), '2023-10-01T00:00:00Z' "
           "FROM enrollment e CROSS JOIN assessment a WHERE e.programme_id = " + programme + " AND a.programme_id = " + programme;
    sql << "INSERT INTO attendance (session_id, enrollment_id, mark) SELECT s.id, e.id, CASE WHEN " + random_unit +
               " < 0.9 THEN 'present' ELSE 'absent' END FROM enrollment e CROSS JOIN session s JOIN module m ON m.id = s.module_id "
               "WHERE e.programme_id = " + programme + " AND m.programme_id = " + programme;
    transaction.commit();
    if (!sqlite) sql << "ANALYZE";
  }
  const double setup = seconds_since(start);

  double best_load = 1e9, best_compute = 1e9, best_total = 1e9;
  std::size_t rows = 0, grades = 0;
  for (int round = 0; round < 3; ++round) {
    start = std::chrono::steady_clock::now();
    auto unit = opened->store->begin(storage::TransactionMode::read_only);
    auto data = unit->teaching().load_gradebook(loaded->programme_id);
    const double load = seconds_since(start);
    const auto computed = std::chrono::steady_clock::now();
    std::vector<EnrollmentProgress> progress;
    compute_gradebook(data.input, progress);
    const double compute = seconds_since(computed);
    best_load = std::min(best_load, load);
    best_compute = std::min(best_compute, compute);
    best_total = std::min(best_total, load + compute);
    rows = progress.size();
    grades = data.input.scores.size();
  }
  std::printf("%s: %zu enrolments, %zu grades, %zu attendance marks (made in %.1f s)\n", sqlite ? "sqlite" : "postgres", rows, grades,
              rows * 20, setup);
  // Goals: issue 3's on SQLite, issue 16's for 3 M grades on PostgreSQL.
  std::printf("  read from the database: %.3f s   compute: %.3f s   total: %.3f s  (best of 3; goal on %s)\n", best_load, best_compute, best_total,
              sqlite ? "SQLite: under 1 s" : "PostgreSQL: under 1.2 s");
  // The gradebook as the API answers it: the use case (read, compute, requirements) and then the
  // streaming JSON writer, timed apart (issue 10: one writer for big answers too).
  const auto asked = std::chrono::steady_clock::now();
  auto book = services::get_gradebook(*opened->store, std::nullopt, loaded->programme_id);
  const double use_case = seconds_since(asked);
  if (!book) return std::fprintf(stderr, "gradebook refused: %s\n", book.error().message_key.c_str()), 1;
  double best_json = 1e9;
  std::size_t json_bytes = 0;
  for (int round = 0; round < 3; ++round) {
    const auto written = std::chrono::steady_clock::now();
    json_bytes = documents::gradebook_json(*book).size();
    best_json = std::min(best_json, seconds_since(written));
  }
  std::printf("  the API's gradebook: use case %.3f s, then JSON %.1f MB written in %.3f s (best of 3)\n", use_case, json_bytes / 1e6, best_json);
  return 0;
}
