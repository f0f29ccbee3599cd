#pragma once
// The closing report's indicators (issue 14), computed on every read from the enrolments,
// attendance, grades, projects and survey on file (domain/indicators.hpp). Observers (the donor)
// always read them suppressed; coordinators may ask for the suppressed version, for sharing.
#include <optional>
#include <vector>

#include "domain/indicators.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

enum class ReportAudience { programme, shared };

struct IndicatorReport {
  std::string programme_code;
  LocalizedText title;
  ProgrammeStatus status = ProgrammeStatus::active;
  std::string start_date;
  std::string end_date;
  std::vector<int> sdgs;
  std::vector<Organisation> organisations;
  std::vector<LocalizedText> modules;
  double attendance_threshold = 0;
  ReportAudience audience = ReportAudience::programme;
  Indicators indicators;
};

// `threshold`: counts under it are hidden when shared (the deployment's setting, 5 unless said).
Result<IndicatorReport> get_indicators(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, ReportAudience requested,
                                       std::int64_t threshold);
// The same inside a unit of work whose permission the caller checked (the news release).
Result<IndicatorReport> read_indicators(storage::UnitOfWork& unit, Id programme_id);

}  // namespace diplomado::services
