#pragma once
// One participant at a time (issue 5): see a person's page, enrol one person, change the status
// of an enrolment (withdraw with a reason, complete, graduate), guarded by its version.
#include <map>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// Contact and consent data are shown to the programme's coordinators only (the minimum under
// Ley 81 de 2019); instructors and group leaders see the rest of the row.
// Ley 81's access and portability (issue 15): the signed-in person's own enrolments, each with
// everything the programme holds about them (contact data included), found by their e-mail in
// every programme where they take part. The export is audited ("person.data_export").
struct MyEnrollment {
  Id programme_id = 0;
  std::string programme_code;
  ParticipantRecord record;
};
// The enrolment in this programme whose person has this e-mail (the signed-in user's own: users
// and people meet by e-mail), withdrawn ones included; read through the roster's search.
std::optional<ParticipantRecord> enrollment_by_email(storage::UnitOfWork& unit, Id programme_id, std::string_view email);

Result<std::vector<MyEnrollment>> my_enrollments(storage::Store& store, const Actor& actor, TimePoint now);

// A coordinator's read shows contact data and is audited ("person.view", issue 15); others see none.
Result<ParticipantRecord> get_participant(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id, TimePoint now);

// The same fields, names and rules as a row of the import (field name -> text), so a person
// added by hand is checked exactly like one from a file. An e-mail already on file enrols that
// person (their data updated); one already enrolled here is a conflict.
Result<ParticipantRecord> enrol_participant(storage::Store& store, const Actor& actor, Id programme_id,
                                            const std::map<std::string, std::string>& fields, TimePoint now);

struct StatusChange {
  std::string status;
  std::string reason;
  std::optional<std::int64_t> expected_version;  // from If-Match; empty: no check
};
Result<ParticipantRecord> change_enrollment_status(storage::Store& store, const Actor& actor, Id programme_id, Id enrollment_id,
                                                   const StatusChange& change, TimePoint now);

}  // namespace diplomado::services
