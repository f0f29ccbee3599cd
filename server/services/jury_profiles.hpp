#pragma once
// Stored jurors and team members as domain/jury sees them, for every use case that asks whether
// a juror is in conflict with a project (assignment, declared conflicts, who may read a project).
#include "domain/jury.hpp"
#include "domain/validation.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// A team's active members: their e-mails (a juror who is one of them is in conflict) and institutions.
inline void add_member(JuryProject& project, const TeamMember& member) {
  if (member.status == EnrollmentStatus::withdrawn) return;
  project.member_emails.push_back(member.email);
  if (member.institution_id) project.member_institutions.push_back(*member.institution_id);
}

inline JurorProfile juror_profile_of(const JurorRecord& juror) {
  return JurorProfile{normalise_email(juror.email), juror.institution_id, juror.declared_teams, juror.declared_institutions};
}

}  // namespace diplomado::services
