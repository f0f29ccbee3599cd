#pragma once
// Eligibility and graduation as JSON and CSV: the same for `diplomado eligibility|graduate` and the API.
#include <string>

#include "domain/messages.hpp"
#include "services/decide_graduation.hpp"

namespace diplomado::documents {

std::string eligibility_json(const services::EligibilityReport& report);
// One row per enrolment, with every reason written out in `language`.
std::string eligibility_csv(const services::EligibilityReport& report, Language language);
std::string graduation_json(const services::GraduationResult& result);
std::string graduation_override_json(const GraduationOverrideRecord& record);

}  // namespace diplomado::documents
