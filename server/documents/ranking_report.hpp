#pragma once
// The ranking as JSON: the same for `diplomado rank` and the API (issue 4).
#include <string>

#include "services/rank_projects.hpp"

namespace diplomado::documents {

std::string ranking_json(const services::RankingView& ranking);

}  // namespace diplomado::documents
