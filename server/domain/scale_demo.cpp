#include "domain/scale_demo.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>
#include <string>

namespace diplomado {
namespace {

// std::uniform_int_distribution's results differ between standard libraries; this does not.
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : m_engine(seed) {}
  std::size_t below(std::size_t bound) { return bound == 0 ? 0 : static_cast<std::size_t>(m_engine() % bound); }
  double unit() { return static_cast<double>(m_engine() >> 11) / static_cast<double>(1ULL << 53); }
  bool chance(double probability) { return unit() < probability; }

 private:
  std::mt19937_64 m_engine;
};

std::string padded(std::size_t number, std::size_t width) {
  std::string text = std::to_string(number);
  return std::string(width > text.size() ? width - text.size() : 0, '0') + text;
}

}  // namespace

ProgrammeSeed scale_programme(const ProgrammeSeed& base, std::size_t index, const ScaleOptions& options) {
  Draw draw(options.seed * 1'000'003 + index);
  // Everything of the template's but its people and what they did.
  ProgrammeSeed seed = base;
  seed.teams.clear();
  seed.participants.clear();
  seed.grades.clear();
  seed.attendance.clear();
  seed.projects.clear();
  seed.jurors.clear();
  seed.reviews.clear();
  seed.guests.clear();
  const std::string tag = "S" + std::to_string(options.seed) + "-" + padded(index, 4);
  seed.programme.code = base.programme.code + "-" + tag;
  seed.programme.title.es += " (" + tag + ")";
  seed.programme.title.en += " (" + tag + ")";

  const std::size_t people = options.participants.value_or(30 + draw.below(171));
  const std::size_t width = std::to_string(people).size();
  // Teams of about six, each in one place (the template's places in turn); participants are dealt
  // to the teams in turn and take their team's place, so teams stay regional.
  const std::size_t team_count = std::max<std::size_t>(1, people / 6);
  std::vector<std::string> places;
  for (const auto& subdivision : base.subdivisions) places.push_back(subdivision.code);
  if (places.empty())
    for (const auto& participant : base.participants) places.push_back(participant.subdivision_code);
  for (std::size_t t = 0; t < team_count; ++t) {
    TeamSeed team;
    team.key = "t" + padded(t + 1, width);
    team.subdivision_code = places[t % places.size()];
    std::string place_name = team.subdivision_code;
    for (const auto& subdivision : base.subdivisions)
      if (subdivision.code == team.subdivision_code) place_name = subdivision.name;
    team.name = place_name + " " + std::to_string(t / places.size() + 1);
    seed.teams.push_back(team);
  }

  const auto& names = base.participants;
  std::string withdrawal_reason = "-";
  for (const auto& person : base.participants)
    if (!person.withdrawal_reason.empty()) withdrawal_reason = person.withdrawal_reason;
  for (std::size_t p = 0; p < people; ++p) {
    ParticipantSeed person;
    const auto& given = names[draw.below(names.size())];
    const auto& family = names[draw.below(names.size())];
    person.key = "p" + padded(p + 1, width);
    person.given_names = given.given_names;
    person.sex = given.sex;
    person.family_names = family.family_names;
    person.email = person.key + "." + seed.programme.code + "@scale.diplomado.invalid";
    std::ranges::transform(person.email, person.email.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    person.institution_key = base.institutions.empty() ? "" : base.institutions[draw.below(base.institutions.size())].key;
    person.position = given.position;
    person.level = draw.chance(0.6) ? "local" : "national";
    auto& team = seed.teams[p % team_count];
    person.team_key = team.key;
    person.subdivision_code = team.subdivision_code;
    // The first member of each team leads it and stays; others withdraw now and then.
    if (team.leader_key.empty()) team.leader_key = person.key;
    else if (draw.chance(0.04)) {
      person.status = EnrollmentStatus::withdrawn;
      person.withdrawal_reason = withdrawal_reason;
    }
    seed.participants.push_back(person);
  }

  for (const auto& person : seed.participants) {
    if (person.status == EnrollmentStatus::withdrawn) continue;
    const double ability = 0.55 + 0.4 * draw.unit();
    for (const auto& assessment : base.assessments) {
      const double score = std::clamp(ability + 0.2 * (draw.unit() - 0.5), 0.0, 1.0) * assessment.max_score;
      seed.grades.push_back({person.key, assessment.code, std::round(score * 10) / 10});
    }
  }
  for (const auto& session : base.sessions) {
    AttendanceSeed marks;
    marks.session_key = session.key;
    for (const auto& person : seed.participants) {
      if (person.status == EnrollmentStatus::withdrawn) continue;
      const double roll = draw.unit();
      if (roll < 0.08) marks.absent.push_back(person.key);
      else if (roll < 0.11) marks.late.push_back(person.key);
      else if (roll < 0.13) marks.excused.push_back(person.key);
    }
    seed.attendance.push_back(marks);
  }

  // Jurors of this programme's own (no institution, so no team is in conflict with them), and
  // one submitted project per team, reviewed by as many jurors as the template asks.
  const std::size_t jurors = std::max<std::size_t>(static_cast<std::size_t>(std::max(base.jurors_per_project, 1)), base.jurors.size());
  for (std::size_t j = 0; j < jurors; ++j) {
    JurorSeed juror;
    juror.key = "j" + std::to_string(j + 1);
    juror.email = juror.key + "." + seed.programme.code + "@scale.diplomado.invalid";
    std::ranges::transform(juror.email, juror.email.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    // The template's juror names; past them, the juror's key (no word of any language in code).
    juror.display_name = (j < base.jurors.size() ? base.jurors[j].display_name : juror.key) + " " + tag;
    seed.jurors.push_back(juror);
  }
  if (!base.projects.empty() && !base.rubric.empty()) {
    for (std::size_t t = 0; t < seed.teams.size(); ++t) {
      ProjectSeed project = base.projects[t % base.projects.size()];
      project.team_key = seed.teams[t].key;
      seed.projects.push_back(project);
      const auto reviewers = static_cast<std::size_t>(std::max(base.jurors_per_project, 1));
      for (std::size_t r = 0; r < reviewers && r < jurors; ++r) {
        ReviewSeed review;
        review.team_key = project.team_key;
        review.juror_key = seed.jurors[(t + r) % jurors].key;
        for (const auto& criterion : base.rubric)
          review.levels.emplace_back(criterion.code, criterion.scale_min + static_cast<int>(draw.below(static_cast<std::size_t>(criterion.scale_max - criterion.scale_min + 1))));
        seed.reviews.push_back(review);
      }
    }
  }
  return seed;
}

}  // namespace diplomado
