#pragma once
// Consent to the installation's privacy notice (issue 15, Ley 81): its text and version are set
// per installation (a file, `--consent-notice`); a user is asked at their first sign-in and again
// whenever the version changes or after they withdrew; acceptance and withdrawal (one click each)
// are kept as a history with the notice's version, and audited.
#include <string>

#include "domain/error.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ConsentNotice {
  std::string version;
  LocalizedText title;
  LocalizedText body;
};

struct ConsentState {
  std::string accepted_version;  // empty: never accepted, or withdrawn
  std::string accepted_at;
  std::string withdrawn_at;
  bool needed = true;  // the current notice has not been accepted
};

ConsentState consent_state(storage::Store& store, const Actor& actor, const ConsentNotice& notice);
// `version`: the one the user read; a notice changed meanwhile is refused (409) so nobody accepts
// a text they did not see.
Result<ConsentState> accept_consent(storage::Store& store, const Actor& actor, const ConsentNotice& notice, std::string_view version, TimePoint now);
Result<ConsentState> withdraw_consent(storage::Store& store, const Actor& actor, const ConsentNotice& notice, TimePoint now);

}  // namespace diplomado::services
