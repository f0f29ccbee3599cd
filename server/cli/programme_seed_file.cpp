#include "cli/programme_seed_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string_view>

#include "cli/commands.hpp"
#include "domain/programme_rules.hpp"
#include "json/domain_reader.hpp"
#include "json/domain_writer.hpp"
#include "json/json_writer.hpp"

namespace diplomado {
namespace {

// Parts of the file whose shape differs from the seed's own: read as the file has them, then
// turned into seed values.
struct RubricLevelEntry {
  int level = 0;
  LocalizedText description;
};

struct RubricEntry {
  RubricCriterionSeed criterion;
  std::vector<RubricLevelEntry> levels;
};

struct ReviewEntry {
  ReviewSeed review;
  std::map<std::string, int> levels;
  std::map<std::string, std::string> comments;
};

struct CertificateSection {
  CertificateLayout layout = CertificateLayout::bilingual;
  std::vector<Signatory> signatories;
};

// {"starts_at", "venue", "run_of_show": [...], "guests": [...]}: the ceremony as the API takes it.
struct CeremonySection {
  Ceremony ceremony;
  std::vector<Guest> guests;
};

struct SurveySection {
  std::vector<SurveyQuestion> questions;
};

struct ProgrammeFile {
  ProgrammeSeed seed;
  CeremonySection ceremony;
  SurveySection survey;
  std::vector<RubricEntry> rubric;
  std::vector<ReviewEntry> reviews;
  CertificateSection certificates;
};

constexpr Bounds key{.max_length = 100};
constexpr Bounds name{.max_length = 300};
constexpr Bounds text{.max_length = 20'000};
constexpr Bounds keys{.max_length = 100, .max_items = 100'000};

}  // namespace

// The programme file, member by member (docs: the demo in data/demo/ follows it). Every member
// that is missing, of another type, out of range or unknown is named by its path.
static void describe(BodyReader& file, SubdivisionSeed& subdivision) {
  file.required("code", subdivision.code, key).required("country", subdivision.country, {.max_length = 2}).required("name", subdivision.name, name).required("kind", subdivision.kind, key);
}

static void describe(BodyReader& file, InstitutionSeed& institution) {
  institution.level = "national";
  file.required("key", institution.key, key)
      .required("name", institution.name)
      .optional("country", institution.country, {.max_length = 20})
      .optional("acronym", institution.acronym, key)
      .optional("sector", institution.sector, key)
      .optional("level", institution.level, key)
      .optional("valid_from", institution.valid_from, {.max_length = 10})
      .optional("valid_to", institution.valid_to, {.max_length = 10});
}

static void describe(BodyReader& file, TeamSeed& team) {
  file.required("key", team.key, key).required("name", team.name, name).optional("subdivision", team.subdivision_code, key).optional("leader", team.leader_key, key);
}

static void describe(BodyReader& file, ParticipantSeed& participant) {
  participant.sex = "undisclosed";
  file.required("key", participant.key, key)
      .required("given_names", participant.given_names, name)
      .required("family_names", participant.family_names, name)
      .optional("sex", participant.sex, key)
      .optional("email", participant.email, name)
      .required("institution", participant.institution_key, key)
      .optional("position", participant.position, name)
      .required("level", participant.level, key)
      .optional("subdivision", participant.subdivision_code, key)
      .choice("status", participant.status, parse_enrollment_status)
      .optional("withdrawal_reason", participant.withdrawal_reason, text)
      .optional("team", participant.team_key, key);
}

static void describe(BodyReader& file, SessionSeed& session) {
  file.required("key", session.key, key)
      .required("module", session.module, {.min = 1, .max = 1000})
      .required("title", session.title)
      .required("starts_at", session.starts_at, {.max_length = 40})
      .required("ends_at", session.ends_at, {.max_length = 40})
      .optional("place", session.place, name);
}

static void describe(BodyReader& file, GradeSeed& grade) {
  file.required("participant", grade.participant_key, key).required("assessment", grade.assessment_code, key).required("score", grade.score);
}

static void describe(BodyReader& file, AttendanceSeed& attendance) {
  file.required("session", attendance.session_key, key).optional("late", attendance.late, keys).optional("excused", attendance.excused, keys).optional("absent", attendance.absent, keys).optional("unrecorded", attendance.unrecorded, keys).optional("present", attendance.present, keys);
}

static void describe(BodyReader& file, RubricLevelEntry& level) { file.required("level", level.level).required("description", level.description); }

static void describe(BodyReader& file, RubricEntry& entry) {
  auto& criterion = entry.criterion;
  file.required("code", criterion.code, key)
      .required("title", criterion.title)
      .required("weight", criterion.weight)
      .optional("scale_min", criterion.scale_min)
      .optional("scale_max", criterion.scale_max)
      .optional("levels", entry.levels, {.max_items = 100});
}

static void describe(BodyReader& file, ProjectSeed& project) {
  file.required("team", project.team_key, key)
      .required("title", project.title, text)
      .required("problem", project.problem, text)
      .required("objectives", project.objectives, text)
      .required("target_population", project.target_population, text)
      .required("human_rights", project.human_rights, text)
      .required("expected_results", project.expected_results, text)
      .required("gcm_objectives", project.gcm_objectives, {.max_items = 23});
}

static void describe(BodyReader& file, JurorSeed& juror) {
  file.required("key", juror.key, key)
      .required("email", juror.email, name)
      .required("display_name", juror.display_name, name)
      .optional("institution", juror.institution_key, key)
      .optional("conflict_teams", juror.conflict_teams, keys);
}

static void describe(BodyReader& file, ReviewEntry& entry) {
  file.required("team", entry.review.team_key, key)
      .required("juror", entry.review.juror_key, key)
      .required("levels", entry.levels, {.max_items = 100})
      .optional("comments", entry.comments, {.max_length = 20'000, .max_items = 100});
}

// {"layout": "bilingual" | "per_language", "signatories": [{"name", "title": {"es", "en"}}]}
static void describe(BodyReader& file, CertificateSection& section) {
  file.choice("layout", section.layout, parse_certificate_layout).optional("signatories", section.signatories, {.max_items = 4});
}

static void describe(BodyReader& file, CeremonySection& section) {
  file.optional("starts_at", section.ceremony.starts_at, {.max_length = 16})
      .optional("venue", section.ceremony.venue, {.max_length = 300})
      .optional("run_of_show", section.ceremony.run_of_show, {.max_items = 100})
      .optional("guests", section.guests, {.max_items = 1'000});
}

static void describe(BodyReader& file, SurveySection& section) { file.optional("questions", section.questions, {.max_items = 50}); }

static void describe(BodyReader& file, ProgrammeFile& document) {
  auto& seed = document.seed;
  file.required("programme", seed.programme)
      .optional("subdivisions", seed.subdivisions, {.max_items = 10'000})
      .required("institutions", seed.institutions, {.max_items = 10'000})
      .optional("teams", seed.teams, {.max_items = 10'000})
      .required("participants", seed.participants, {.max_items = 200'000})
      .optional("grading", seed.programme.grading)
      .optional("sessions", seed.sessions, {.max_items = 10'000})
      .optional("assessments", seed.assessments, {.max_items = 1'000})
      .optional("grades", seed.grades, {.max_items = 1'000'000})
      .optional("attendance", seed.attendance, {.max_items = 10'000})
      .optional("rubric", document.rubric, {.max_items = 100})
      .optional("project_deadline", seed.project_deadline, {.max_length = 40})
      .optional("jurors_per_project", seed.jurors_per_project, {.min = 1, .max = 100})
      .optional("projects", seed.projects, {.max_items = 10'000})
      .optional("jurors", seed.jurors, {.max_items = 1'000})
      .optional("reviews", document.reviews, {.max_items = 100'000})
      .optional("certificates", document.certificates)
      .optional("ceremony", document.ceremony)
      .optional("survey", document.survey)
      .read_only({"about"});
}

namespace cli {
namespace {

// Whether a rule's problem is about a part whose shape was already wrong: the same member or one
// inside it ("participants[3]" covers "participants[3].institution"), or a member of the same
// list entry ("participants[3].family_names" missing covers "participants[3].team").
bool inside(std::string_view path, std::string_view outer) {
  return path.starts_with(outer) && (path.size() == outer.size() || path[outer.size()] == '.' || path[outer.size()] == '[');
}
std::string_view entry_of(std::string_view path) {
  const auto close = path.find(']');
  return close == std::string_view::npos ? std::string_view() : path.substr(0, close + 1);
}
bool already_named(const FieldError& problem, std::span<const FieldError> shape) {
  const auto entry = entry_of(problem.field);
  for (const auto& error : shape)
    if (inside(problem.field, error.field) || (!entry.empty() && inside(error.field, entry))) return true;
  return false;
}

}  // namespace

// A programme file larger than this is refused before it is read (the demo is 0.1 MiB; a course
// of thousands enrols its people from a participants file instead).
constexpr std::size_t max_programme_file_bytes = 16 * 1024 * 1024;

Result<ProgrammeSeed> read_programme_seed_file(const std::string& path) {
  auto bytes = read_whole_file(path, max_programme_file_bytes, FileKind::programme);
  if (!bytes) return std::unexpected(bytes.error());
  return read_programme_seed(*bytes);
}

Result<ProgrammeSeed> read_programme_seed(const std::string& content) {
  auto parsed = parse_bounded_json(content);
  if (!parsed) return std::unexpected(parsed.error());

  // Every problem in one answer: the shape (a missing key, a wrong type), then the rules of each
  // part, then how the parts fit together. A part that could not be read is not judged again by
  // the rules (its defaults would only repeat the shape's error).
  ProgrammeFile document;
  std::vector<FieldError> problems = read_json(*parsed, document);
  const std::size_t shape_errors = problems.size();
  auto& seed = document.seed;
  int position = 0;
  for (auto& module : seed.programme.modules) module.position = ++position;
  for (auto& entry : document.rubric) {
    for (auto& level : entry.levels) entry.criterion.levels.emplace_back(level.level, std::move(level.description));
    seed.rubric.push_back(std::move(entry.criterion));
  }
  for (auto& entry : document.reviews) {
    for (const auto& [code, level] : entry.levels) entry.review.levels.emplace_back(code, level);
    for (auto& [code, comment] : entry.comments) entry.review.comments.emplace_back(code, std::move(comment));
    seed.reviews.push_back(std::move(entry.review));
  }
  std::vector<FieldError> rules;
  for (auto& problem : check_signatories(document.certificates.signatories)) {
    problem.field = "certificates." + problem.field;
    rules.push_back(std::move(problem));
  }
  // The ceremony's and the survey's own rules, each problem named where it is in the file.
  for (auto& problem : check_ceremony(document.ceremony.ceremony)) {
    problem.field = "ceremony." + problem.field;
    rules.push_back(std::move(problem));
  }
  for (std::size_t g = 0; g < document.ceremony.guests.size(); ++g)
    for (auto problem : check_guest(document.ceremony.guests[g])) {
      problem.field = "ceremony.guests[" + std::to_string(g) + "]." + problem.field;
      rules.push_back(std::move(problem));
    }
  for (auto problem : check_questions(document.survey.questions)) {
    problem.field = "survey." + problem.field;
    rules.push_back(std::move(problem));
  }
  if (auto fits = check_programme_seed(seed); !fits)
    for (auto& problem : fits.error().details) rules.push_back(std::move(problem));
  for (auto& problem : rules)
    if (!already_named(problem, std::span(problems).first(shape_errors))) problems.push_back(std::move(problem));
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::invalid_input, "error.file.programme_invalid");
    error.details = std::move(problems);
    return std::unexpected(std::move(error));
  }
  seed.ceremony = std::move(document.ceremony.ceremony);
  seed.guests = std::move(document.ceremony.guests);
  seed.survey_questions = std::move(document.survey.questions);
  seed.certificate_layout = document.certificates.layout;
  seed.signatories = std::move(document.certificates.signatories);
  return std::move(seed);
}


namespace {

void write_texts(JsonWriter& json, std::string_view name, const std::vector<std::string>& texts) {
  json.key(name).begin_array();
  for (const auto& text : texts) json.value(text);
  json.end_array();
}

// A member only when it holds something, as a person would write the file.
void write_optional(JsonWriter& json, std::string_view name, std::string_view text) {
  if (!text.empty()) json.field(name, text);
}

void write_programme(JsonWriter& json, const Programme& programme) {
  json.key("programme").begin_object().field("code", programme.code);
  json.key("title");
  write_localized(json, programme.title);
  json.key("description");
  write_localized(json, programme.description);
  json.field("country", programme.country).field("time_zone", programme.time_zone).field("locale", programme.locale);
  json.field("status", to_string(programme.status)).field("start_date", programme.start_date).field("end_date", programme.end_date);
  json.field("modality", programme.modality).field("sdgs", programme.sdgs).key("organisations").begin_array();
  for (const auto& organisation : programme.organisations) {
    json.begin_object().field("role", organisation.role).key("name");
    write_localized(json, organisation.name);
    write_optional(json, "acronym", organisation.acronym);
    json.end_object();
  }
  json.end_array().key("modules").begin_array();
  for (const auto& module : programme.modules) {
    json.begin_object().key("title");
    write_localized(json, module.title);
    json.field("hours", module.hours).field("pass_mark", module.pass_mark).field("weight", module.weight);
    if (module.illustrative) json.field("illustrative", true);
    json.end_object();
  }
  json.end_array().end_object();
  const auto& policy = programme.grading;
  json.key("grading").begin_object().field("module_pass_mark", policy.module_pass_mark).field("rounding_decimals", policy.rounding_decimals);
  json.field("attendance_threshold", policy.attendance_threshold).field("module_attendance_threshold", policy.module_attendance_threshold);
  json.field("minimum_final_grade", policy.minimum_final_grade).field("require_all_modules", policy.require_all_modules);
  json.field("require_project", policy.require_project).field("missing_grade", to_string(policy.missing_grade));
  json.field("excused_absence", to_string(policy.excused)).end_object();
}

void write_people(JsonWriter& json, const ProgrammeSeed& seed) {
  json.key("subdivisions").begin_array();
  for (const auto& subdivision : seed.subdivisions)
    json.begin_object().field("code", subdivision.code).field("country", subdivision.country).field("name", subdivision.name).field("kind", subdivision.kind).end_object();
  json.end_array().key("institutions").begin_array();
  for (const auto& institution : seed.institutions) {
    json.begin_object().field("key", institution.key).key("name");
    write_localized(json, institution.name);
    write_optional(json, "country", institution.country);
    write_optional(json, "acronym", institution.acronym);
    write_optional(json, "sector", institution.sector);
    json.field("level", institution.level);
    write_optional(json, "valid_from", institution.valid_from);
    write_optional(json, "valid_to", institution.valid_to);
    json.end_object();
  }
  json.end_array().key("teams").begin_array();
  for (const auto& team : seed.teams) {
    json.begin_object().field("key", team.key).field("name", team.name);
    write_optional(json, "subdivision", team.subdivision_code);
    write_optional(json, "leader", team.leader_key);
    json.end_object();
  }
  json.end_array().key("participants").begin_array();
  for (const auto& participant : seed.participants) {
    json.begin_object().field("key", participant.key).field("given_names", participant.given_names).field("family_names", participant.family_names);
    json.field("sex", participant.sex);
    write_optional(json, "email", participant.email);
    json.field("institution", participant.institution_key);
    write_optional(json, "position", participant.position);
    json.field("level", participant.level);
    write_optional(json, "subdivision", participant.subdivision_code);
    json.field("status", to_string(participant.status));
    write_optional(json, "withdrawal_reason", participant.withdrawal_reason);
    write_optional(json, "team", participant.team_key);
    json.end_object();
  }
  json.end_array();
}

void write_teaching(JsonWriter& json, const ProgrammeSeed& seed) {
  json.key("sessions").begin_array();
  for (const auto& session : seed.sessions) {
    json.begin_object().field("key", session.key).field("module", session.module).key("title");
    write_localized(json, session.title);
    json.field("starts_at", session.starts_at).field("ends_at", session.ends_at);
    write_optional(json, "place", session.place);
    json.end_object();
  }
  json.end_array().key("assessments").begin_array();
  for (const auto& assessment : seed.assessments) {
    json.begin_object().field("code", assessment.code).field("module", assessment.module).field("kind", assessment.kind).key("title");
    write_localized(json, assessment.title);
    json.field("max_score", assessment.max_score).field("weight", assessment.weight);
    write_optional(json, "due_date", assessment.due_date);
    json.end_object();
  }
  json.end_array().key("grades").begin_array();
  for (const auto& grade : seed.grades)
    json.begin_object().field("participant", grade.participant_key).field("assessment", grade.assessment_code).field("score", grade.score).end_object();
  json.end_array().key("attendance").begin_array();
  for (const auto& attendance : seed.attendance) {
    json.begin_object().field("session", attendance.session_key);
    if (!attendance.late.empty()) write_texts(json, "late", attendance.late);
    if (!attendance.excused.empty()) write_texts(json, "excused", attendance.excused);
    if (!attendance.absent.empty()) write_texts(json, "absent", attendance.absent);
    if (!attendance.unrecorded.empty()) write_texts(json, "unrecorded", attendance.unrecorded);
    if (!attendance.present.empty()) write_texts(json, "present", attendance.present);
    json.end_object();
  }
  json.end_array();
}

void write_projects(JsonWriter& json, const ProgrammeSeed& seed) {
  json.key("rubric").begin_array();
  for (const auto& criterion : seed.rubric) {
    json.begin_object().field("code", criterion.code).key("title");
    write_localized(json, criterion.title);
    json.field("weight", criterion.weight).field("scale_min", criterion.scale_min).field("scale_max", criterion.scale_max).key("levels").begin_array();
    for (const auto& [level, description] : criterion.levels) {
      json.begin_object().field("level", level).key("description");
      write_localized(json, description);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  write_optional(json, "project_deadline", seed.project_deadline);
  json.field("jurors_per_project", seed.jurors_per_project).key("projects").begin_array();
  for (const auto& project : seed.projects)
    json.begin_object().field("team", project.team_key).field("title", project.title).field("problem", project.problem).field("objectives", project.objectives)
        .field("target_population", project.target_population).field("human_rights", project.human_rights)
        .field("expected_results", project.expected_results).field("gcm_objectives", project.gcm_objectives).end_object();
  json.end_array().key("jurors").begin_array();
  for (const auto& juror : seed.jurors) {
    json.begin_object().field("key", juror.key).field("email", juror.email).field("display_name", juror.display_name);
    write_optional(json, "institution", juror.institution_key);
    if (!juror.conflict_teams.empty()) write_texts(json, "conflict_teams", juror.conflict_teams);
    json.end_object();
  }
  json.end_array().key("reviews").begin_array();
  for (const auto& review : seed.reviews) {
    json.begin_object().field("team", review.team_key).field("juror", review.juror_key).key("levels").begin_object();
    for (const auto& [code, level] : review.levels) json.field(code, level);
    json.end_object();
    if (!review.comments.empty()) {
      json.key("comments").begin_object();
      for (const auto& [code, comment] : review.comments) json.field(code, comment);
      json.end_object();
    }
    json.end_object();
  }
  json.end_array();
}

void write_closing(JsonWriter& json, const ProgrammeSeed& seed) {
  json.key("certificates").begin_object().field("layout", to_string(seed.certificate_layout)).key("signatories").begin_array();
  for (const auto& signatory : seed.signatories) {
    json.begin_object().field("name", signatory.name).key("title");
    write_localized(json, signatory.title);
    json.end_object();
  }
  json.end_array().end_object().key("ceremony").begin_object();
  write_optional(json, "starts_at", seed.ceremony.starts_at);
  write_optional(json, "venue", seed.ceremony.venue);
  json.key("run_of_show").begin_array();
  for (const auto& item : seed.ceremony.run_of_show) {
    json.begin_object().field("at", item.at).key("title");
    write_localized(json, item.title);
    json.end_object();
  }
  json.end_array().key("guests").begin_array();
  for (const auto& guest : seed.guests) {
    json.begin_object().field("name", guest.name).key("title");
    write_localized(json, guest.title);
    write_optional(json, "institution", guest.institution);
    json.field("precedence", guest.precedence).field("authority", guest.authority).field("rsvp", to_string(guest.rsvp)).end_object();
  }
  json.end_array().end_object().key("survey").begin_object().key("questions").begin_array();
  for (const auto& question : seed.survey_questions) {
    json.begin_object().field("kind", to_string(question.kind)).key("text");
    write_localized(json, question.text);
    json.field("scale_min", question.scale_min).field("scale_max", question.scale_max).end_object();
  }
  json.end_array().end_object();
}

}  // namespace

std::string write_programme_seed(const ProgrammeSeed& seed) {
  JsonWriter json(2);
  json.begin_object();
  write_programme(json, seed.programme);
  write_people(json, seed);
  write_teaching(json, seed);
  write_projects(json, seed);
  write_closing(json, seed);
  json.end_object();
  return json.take() + "\n";
}

}  // namespace cli
}  // namespace diplomado
