#pragma once
// Sessions belong to a module (issue 3, item 1): start and end, a place or a virtual link, a topic.
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct NewSession {
  int module = 0;  // position from 1
  LocalizedText title;
  std::string starts_at;  // ISO 8601 UTC
  std::string ends_at;
  std::string place;
  std::string online_link;
};

// The coordinator adds sessions; each field that is wrong is named.
Result<SessionRecord> create_session(storage::Store& store, const Actor& actor, Id programme_id, const NewSession& session,
                                                              TimePoint now);

// Edits name the version they replace (If-Match); a stale one gets 409.
Result<SessionRecord> update_session(storage::Store& store, const Actor& actor, Id programme_id, Id session_id,
                                                              const NewSession& session, std::int64_t expected_version, TimePoint now);
// Refused (409) once attendance has been taken at the session.
Result<void> delete_session(storage::Store& store, const Actor& actor, Id programme_id, Id session_id, TimePoint now);

}  // namespace diplomado::services
