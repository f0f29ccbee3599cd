#include "services/record_teaching.hpp"
#include "json/json_writer.hpp"

#include <algorithm>
#include <cstdio>

#include "services/get_programme.hpp"
#include "services/module_access.hpp"

namespace diplomado::services {

Result<RecordedGrade> record_grade(storage::Store& store, const Actor& actor, Id programme_id, const GradeChange& change, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  const auto score = parse_score(change.score);
  if (!score) return std::unexpected(field_error("score", "not_a_number", "error.grading.not_a_number", change.score));

  auto unit = store.begin(storage::TransactionMode::read_write);
  auto& teaching = unit->teaching();
  const auto assessment = teaching.find_assessment(programme_id, change.assessment_id);
  if (!assessment)
    return std::unexpected(field_error("assessment_id", "unknown_assessment", "error.seed.unknown_assessment", std::to_string(change.assessment_id)));
  if (auto refused = refuse_module(*unit, actor, programme_id, assessment->module_id)) return std::unexpected(*refused);
  const auto enrollment = unit->programmes().participant(programme_id, change.enrollment_id);
  if (!enrollment)
    return std::unexpected(field_error("enrollment_id", "not_enrolled", "error.grading.not_enrolled", std::to_string(change.enrollment_id)));
  if (enrollment->row.status == EnrollmentStatus::withdrawn)
    return std::unexpected(field_error("enrollment_id", "withdrawn", "error.grading.withdrawn", std::to_string(change.enrollment_id)));
  if (auto bad = check_score(*score, assessment->max_score)) {
    bad->value = change.score;
    Error error = make_error(ErrorCode::invalid_input, bad->message_key);
    error.details.push_back(std::move(*bad));
    return std::unexpected(error);
  }

  // A grade someone else changed since the editor read it is not overwritten (409): the editor
  // reloads and decides. A new grade must be new; an existing one needs its version.
  const auto existing = teaching.find_grade(change.enrollment_id, change.assessment_id);
  const bool stale = existing ? change.expected_version != existing->version : change.expected_version.has_value();
  if (stale) return std::unexpected(make_error(ErrorCode::conflict, "error.grading.stale"));
  if (!teaching.save_grade(change.enrollment_id, change.assessment_id, *score, change.expected_version, format_iso8601(now), actor.user_id))
    return std::unexpected(make_error(ErrorCode::conflict, "error.grading.stale"));
  // Who, when, the old and the new value (issue 3: every change of a grade is audited).
  unit->audit().append({actor.user_id, "grade.record", "grade", change.enrollment_id,
                        json_object("assessment", assessment->code, "old", existing ? std::optional<double>(existing->score) : std::nullopt, "new", *score)},
                       format_iso8601(now));
  unit->commit();
  return RecordedGrade{*score, existing ? existing->version + 1 : 1};
}

Result<AttendanceCounts> record_attendance(storage::Store& store, const Actor& actor, Id programme_id, Id session_id,
                                           const std::map<Id, std::string>& exceptions, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto sessions = unit->teaching().sessions(programme_id);
  const auto session = std::ranges::find(sessions, session_id, &SessionRecord::id);
  if (session == sessions.end())
    return std::unexpected(field_error("session_id", "unknown_session", "error.attendance.session", std::to_string(session_id)));
  if (auto refused = refuse_module(*unit, actor, programme_id, session->module_id)) return std::unexpected(*refused);

  std::map<Id, Attendance> marks;
  for (const auto& record : unit->programmes().participant_records(programme_id, {}))
    if (record.row.status != EnrollmentStatus::withdrawn) marks[record.row.enrollment_id] = Attendance::present;
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  for (const auto& [enrollment, text] : exceptions) {
    const auto mark = parse_attendance(text);
    if (!marks.contains(enrollment))
      invalid.details.push_back({"exceptions", std::nullopt, "not_enrolled", "error.grading.not_enrolled", std::to_string(enrollment)});
    else if (!mark)
      invalid.details.push_back({"exceptions", std::nullopt, "unknown_mark", "error.attendance.mark", text});
    else
      marks[enrollment] = *mark;
  }
  if (!invalid.details.empty()) return std::unexpected(invalid);

  std::map<Id, Attendance> before;
  for (const auto& [enrollment, mark] : unit->teaching().attendance_of(session_id)) before[enrollment] = mark;
  AttendanceCounts counts;
  std::vector<std::string> changes;  // per person: before and after, for those whose mark changed
  for (const auto& [enrollment, mark] : marks) {
    const auto previous = before.contains(enrollment) ? before[enrollment] : Attendance::unrecorded;
    if (previous != mark)
      changes.push_back(json_object("enrollment_id", enrollment, "before", previous == Attendance::unrecorded ? std::optional<std::string>() : std::optional<std::string>(to_string(previous)),
                                    "after", std::string(to_string(mark))));
    unit->teaching().save_attendance(session_id, enrollment, mark);
    switch (mark) {
      case Attendance::present: ++counts.present; break;
      case Attendance::late: ++counts.late; break;
      case Attendance::excused: ++counts.excused; break;
      case Attendance::absent: ++counts.absent; break;
      case Attendance::unrecorded: break;
    }
  }
  unit->audit().append({actor.user_id, "attendance.record", "session", session_id,
                        json_object("present", counts.present, "late", counts.late, "excused", counts.excused, "absent", counts.absent,
                                    "changes", std::vector<JsonFragment>(changes.begin(), changes.end()))},
                       format_iso8601(now));
  unit->commit();
  return counts;
}

}  // namespace diplomado::services
