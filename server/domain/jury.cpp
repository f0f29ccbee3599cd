#include "domain/jury.hpp"

#include <algorithm>
#include <numeric>

namespace diplomado {

std::string_view to_string(ConflictReason reason) {
  switch (reason) {
    case ConflictReason::team_member: return "team_member";
    case ConflictReason::same_institution: return "same_institution";
    case ConflictReason::declared_team: return "declared_team";
    case ConflictReason::declared_institution: return "declared_institution";
  }
  return "declared_team";
}

std::optional<ConflictReason> conflict_between(const JurorProfile& juror, const JuryProject& project) {
  if (!juror.email.empty() && std::ranges::find(project.member_emails, juror.email) != project.member_emails.end())
    return ConflictReason::team_member;
  if (juror.institution_id &&
      std::ranges::find(project.member_institutions, *juror.institution_id) != project.member_institutions.end())
    return ConflictReason::same_institution;
  if (std::ranges::find(juror.declared_teams, project.team_id) != juror.declared_teams.end()) return ConflictReason::declared_team;
  for (Id institution : juror.declared_institutions)
    if (std::ranges::find(project.member_institutions, institution) != project.member_institutions.end())
      return ConflictReason::declared_institution;
  return std::nullopt;
}

AssignmentPlan assign_jurors(const std::vector<JuryProject>& projects, const std::vector<JurorProfile>& jurors,
                             const std::vector<JuryAssignment>& existing, std::size_t per_project) {
  const std::size_t project_count = projects.size(), juror_count = jurors.size();
  std::vector<char> eligible(project_count * juror_count, 0), assigned(project_count * juror_count, 0);
  std::vector<std::size_t> eligible_count(project_count, 0), assigned_count(project_count, 0);
  AssignmentPlan plan;
  plan.load.assign(juror_count, 0);
  for (std::size_t p = 0; p < project_count; ++p)
    for (std::size_t j = 0; j < juror_count; ++j)
      if (!conflict_between(jurors[j], projects[p])) {
        eligible[p * juror_count + j] = 1;
        ++eligible_count[p];
      }
  for (const JuryAssignment& assignment : existing) {
    if (assignment.project >= project_count || assignment.juror >= juror_count) continue;
    char& slot = assigned[assignment.project * juror_count + assignment.juror];
    if (slot) continue;
    slot = 1;
    ++assigned_count[assignment.project];
    ++plan.load[assignment.juror];
  }

  std::vector<std::size_t> order(project_count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return eligible_count[a] < eligible_count[b]; });
  std::vector<std::size_t> candidates;
  for (std::size_t p : order) {
    candidates.clear();
    for (std::size_t j = 0; j < juror_count; ++j)
      if (eligible[p * juror_count + j] && !assigned[p * juror_count + j]) candidates.push_back(j);
    std::ranges::stable_sort(candidates, [&](std::size_t a, std::size_t b) { return plan.load[a] < plan.load[b]; });
    for (std::size_t j : candidates) {
      if (assigned_count[p] >= per_project) break;
      assigned[p * juror_count + j] = 1;
      ++assigned_count[p];
      ++plan.load[j];
      plan.added.push_back({p, j});
    }
    if (assigned_count[p] < per_project) plan.short_of_jurors.push_back({p, eligible_count[p]});
  }
  std::ranges::sort(plan.short_of_jurors, {}, &AssignmentPlan::Shortfall::project);
  return plan;
}

}  // namespace diplomado
