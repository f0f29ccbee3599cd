#include "domain/enrollment.hpp"
#include "domain/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/programme_seed.hpp"

namespace diplomado {

TEST(Enrollment, StatusChanges) {
  using enum EnrollmentStatus;
  struct Case {
    EnrollmentStatus from, to;
    const char* reason;
    bool allowed;
  };
  for (const auto& c : {Case{enrolled, withdrawn, "Traslado de puesto", true}, Case{enrolled, withdrawn, "  ", false},
                        Case{enrolled, completed, "", true}, Case{completed, graduated, "", true}, Case{enrolled, graduated, "", false},
                        Case{withdrawn, enrolled, "", false}, Case{graduated, completed, "", false}, Case{completed, withdrawn, "x", false}}) {
    const auto result = check_status_change(c.from, c.to, c.reason);
    EXPECT_EQ(result.has_value(), c.allowed) << to_string(c.from) << "->" << to_string(c.to);
  }
  const auto missing_reason = check_status_change(enrolled, withdrawn, "");
  ASSERT_FALSE(missing_reason);
  EXPECT_EQ(missing_reason.error().details.at(0).field, "withdrawal_reason");
}

TEST(ProgrammeSeed, ProblemsNameTheirEntry) {
  ProgrammeSeed seed;
  seed.programme.code = "X1";
  seed.programme.title = {"T", "T"};
  seed.programme.country = "PA";
  seed.programme.time_zone = "America/Panama";
  seed.programme.locale = "es-PA";
  seed.institutions.push_back({"inst", {"I", "I"}, "I", "", "national", "", ""});
  seed.teams.push_back({"team", "Equipo", "", "p2"});
  seed.participants.push_back({"p1", "Ana", "Pérez", "female", "ana@x.pa", "inst", "", "national", "", EnrollmentStatus::enrolled, "", "team"});
  seed.participants.push_back({"p2", "Luis", "Ríos", "male", "not-an-email", "nope", "", "regional", "PA-99", EnrollmentStatus::withdrawn, "", ""});
  const auto result = check_programme_seed(seed);
  ASSERT_FALSE(result);
  // Each problem is named by its JSON path in the programme file.
  std::vector<std::string> fields;
  for (const auto& detail : result.error().details) fields.push_back(detail.field);
  for (const char* field : {"participants[1].institution", "participants[1].subdivision", "participants[1].level", "participants[1].email",
                            "participants[1].withdrawal_reason", "teams[0].leader"})
    EXPECT_NE(std::ranges::find(fields, field), fields.end()) << field;
}

// Statuses are enums in the domain, text only at the edges: every value reads back as itself.
TEST(ProjectStatus, EveryValueReadsBackAndUnknownTextIsRefused) {
  for (auto status : {ProjectStatus::submitted, ProjectStatus::reopened}) EXPECT_EQ(parse_project_status(to_string(status)), status);
  EXPECT_FALSE(parse_project_status("draft"));
  EXPECT_FALSE(parse_project_status("Reopened"));
  for (auto status : {EnrollmentStatus::enrolled, EnrollmentStatus::withdrawn, EnrollmentStatus::completed, EnrollmentStatus::graduated})
    EXPECT_EQ(parse_enrollment_status(to_string(status)), status);
}

}  // namespace diplomado
