#pragma once
// The ceremony's protocol list as PDF (issue 14): A4 portrait, the guests in order of precedence
// with their titles, institutions and answers, then the run of show; in one language, with the
// date and time in the programme's time zone. Drawn with cairo and pango like the certificates.
#include <string>

#include "domain/messages.hpp"
#include "services/close_programme.hpp"

namespace diplomado::documents {

std::string protocol_pdf(const services::CeremonyView& view, Language language);

}  // namespace diplomado::documents
