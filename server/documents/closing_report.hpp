#pragma once
// The ceremony, the survey and the news release as JSON, for the API (issue 14).
#include <string>

#include "services/close_programme.hpp"

namespace diplomado::documents {

std::string ceremony_json(const services::CeremonyView& view);
std::string guest_json(const Guest& guest);
std::string guest_counts_json(const services::GuestCounts& counts);
std::string survey_json(const services::SurveyView& view);
// The missing facts are explained in `reader`, the coordinator's language, whatever the draft's.
std::string news_json(const services::NewsView& view, Language reader);

}  // namespace diplomado::documents
