#pragma once
// A programme read back from the database as a programme file describes it
// (docs/programme-file.md): what `diplomado programme export` writes and `programme import`
// reads, so that an export imported into another database exports the same file again.
#include "domain/error.hpp"
#include "domain/programme_seed.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct ExportOptions {
  // With the people: institutions, teams, participants, grades, attendance, projects, jurors,
  // their reviews and the ceremony's guests. Without them (the default), the course's setup
  // only: the programme, its modules and grading, sessions, assessments, the rubric and jury
  // settings, the certificates' signatories, the ceremony's programme and the survey.
  bool people = false;
};

// Keys tie a file's parts together and are not stored, so the export makes them: an
// institution's acronym (or "institution-N"), "participant-N", "team-N", "session-N",
// "juror-N", numbered in the order the database keeps them, which is the order an import writes.
// An unknown programme is "not found". An export with the people is personal data leaving the
// system: it is written to the audit trail.
Result<ProgrammeSeed> export_programme(storage::Store& store, Id programme_id, const ExportOptions& options, TimePoint now);

}  // namespace diplomado::services
