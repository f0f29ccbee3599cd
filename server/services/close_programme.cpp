#include "services/close_programme.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/text_key.hpp"
#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/crypto.hpp"
#include "services/frameworks.hpp"
#include "services/get_programme.hpp"
#include "services/manage_enrollment.hpp"

namespace diplomado::services {
namespace {

std::string institution_short(const InstitutionRef& institution) { return institution.acronym.empty() ? institution.name.es : institution.acronym; }

GuestCounts count_guests(const std::vector<Guest>& guests) {
  GuestCounts counts;
  for (const auto& guest : guests) {
    ++counts.guests;
    counts.accepted += guest.rsvp == Rsvp::accepted;
    counts.declined += guest.rsvp == Rsvp::declined;
    counts.pending += guest.rsvp == Rsvp::pending;
    counts.checked_in += !guest.checked_in_at.empty();
  }
  return counts;
}

CeremonyView read_ceremony(storage::UnitOfWork& unit, const Programme& programme) {
  CeremonyView view;
  view.programme_title = programme.title;
  view.time_zone = programme.time_zone;
  view.ceremony = unit.closing().ceremony(programme.id);
  view.guests = unit.closing().guests(programme.id);
  sort_by_precedence(view.guests);
  view.counts = count_guests(view.guests);
  const auto records = unit.programmes().participant_records(programme.id, {});
  std::map<Id, const ParticipantRecord*> by_enrollment;
  for (const auto& record : records) {
    by_enrollment[record.row.enrollment_id] = &record;
    if (record.row.status == EnrollmentStatus::graduated)
      view.graduates.push_back({record.row.given_names + " " + record.row.family_names, institution_short(record.row.institution), {}});
  }
  for (const auto& team : unit.programmes().teams(programme.id)) {
    if (!team.leader_enrollment_id) continue;
    const auto found = by_enrollment.find(*team.leader_enrollment_id);
    if (found == by_enrollment.end() || found->second->row.status == EnrollmentStatus::withdrawn) continue;
    const auto& row = found->second->row;
    view.group_leaders.push_back({row.given_names + " " + row.family_names, institution_short(row.institution), team.region.name});
  }
  if (const auto best = unit.jury().best_project(programme.id); best && best->project_id)
    if (const auto project = unit.projects().project(programme.id, *best->project_id))
      view.best_team = CeremonyPerson{project->team_name, {}, project->region_name};
  return view;
}

Result<Programme> programme_of(storage::UnitOfWork& unit, Id programme_id) {
  auto programme = unit.programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  return std::move(*programme);
}

std::optional<Id> own_enrollment(storage::UnitOfWork& unit, const Actor& actor, Id programme_id) {
  const auto record = enrollment_by_email(unit, programme_id, actor.email);
  if (!record || record->row.status == EnrollmentStatus::withdrawn) return std::nullopt;
  return record->row.enrollment_id;
}

}  // namespace

Result<CeremonyView> get_ceremony(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto programme = programme_of(*unit, programme_id);
  if (!programme) return std::unexpected(programme.error());
  return read_ceremony(*unit, *programme);
}

Result<CeremonyView> save_ceremony(storage::Store& store, const Actor& actor, Id programme_id, const Ceremony& ceremony, std::int64_t expected_version,
                                   TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_ceremony(ceremony); !errors.empty()) return std::unexpected(invalid_fields(std::move(errors)));
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto programme = programme_of(*unit, programme_id);
  if (!programme) return std::unexpected(programme.error());
  if (!unit->closing().save_ceremony(programme_id, ceremony, expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.ceremony.stale"));
  unit->audit().append({actor.user_id, "ceremony.save", "ceremony", programme_id,
                        json_object("starts_at", ceremony.starts_at, "items", static_cast<std::int64_t>(ceremony.run_of_show.size()))},
                       format_iso8601(now));
  auto view = read_ceremony(*unit, *programme);
  unit->commit();
  return view;
}

Result<Guest> add_guest(storage::Store& store, const Actor& actor, Id programme_id, const Guest& guest, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_guest(guest); !errors.empty()) return std::unexpected(invalid_fields(std::move(errors)));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  const auto id = unit->closing().insert_guest(programme_id, guest);
  if (!id) {
    Error duplicate = make_error(ErrorCode::conflict, "error.ceremony.duplicate_guest");
    duplicate.details.push_back({"institution", std::nullopt, "duplicate", "error.ceremony.duplicate_guest", guest.institution});
    return std::unexpected(duplicate);
  }
  // The audit names the guest's entry, not the person.
  unit->audit().append({actor.user_id, "ceremony.guest_add", "ceremony_guest", *id, json_object("precedence", static_cast<std::int64_t>(guest.precedence))},
                       format_iso8601(now));
  auto saved = unit->closing().guest(programme_id, *id);
  unit->commit();
  return *saved;
}

Result<Guest> update_guest(storage::Store& store, const Actor& actor, Id programme_id, const Guest& guest, std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_guest(guest); !errors.empty()) return std::unexpected(invalid_fields(std::move(errors)));
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto current = unit->closing().guest(programme_id, guest.id);
  if (!current) return std::unexpected(make_error(ErrorCode::not_found, "error.ceremony.guest_not_found"));
  if (!unit->closing().update_guest(programme_id, guest, expected_version)) {
    if (current->version != expected_version) return std::unexpected(make_error(ErrorCode::conflict, "error.ceremony.stale"));
    Error duplicate = make_error(ErrorCode::conflict, "error.ceremony.duplicate_guest");
    duplicate.details.push_back({"institution", std::nullopt, "duplicate", "error.ceremony.duplicate_guest", guest.institution});
    return std::unexpected(duplicate);
  }
  unit->audit().append({actor.user_id, "ceremony.guest_update", "ceremony_guest", guest.id,
                        json_object("precedence", static_cast<std::int64_t>(guest.precedence), "rsvp", to_string(guest.rsvp))},
                       format_iso8601(now));
  auto saved = unit->closing().guest(programme_id, guest.id);
  unit->commit();
  return *saved;
}

Result<void> remove_guest(storage::Store& store, const Actor& actor, Id programme_id, Id guest_id, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->closing().delete_guest(programme_id, guest_id)) return std::unexpected(make_error(ErrorCode::not_found, "error.ceremony.guest_not_found"));
  unit->audit().append({actor.user_id, "ceremony.guest_remove", "ceremony_guest", guest_id, "{}"}, format_iso8601(now));
  unit->commit();
  return {};
}

Result<GuestCounts> check_in_guest(storage::Store& store, const Actor& actor, Id programme_id, Id guest_id, bool arrived, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto at = format_iso8601(now);
  if (!unit->closing().set_checked_in(programme_id, guest_id, arrived ? at : std::string()))
    return std::unexpected(make_error(ErrorCode::not_found, "error.ceremony.guest_not_found"));
  unit->audit().append({actor.user_id, arrived ? "ceremony.check_in" : "ceremony.check_in_undone", "ceremony_guest", guest_id, "{}"}, at);
  auto counts = count_guests(unit->closing().guests(programme_id));
  unit->commit();
  return counts;
}

std::vector<LikertResult> likert_results(storage::UnitOfWork& unit, Id programme_id) {
  std::vector<LikertResult> results;
  std::map<Id, std::vector<std::pair<int, std::int64_t>>> counts;
  for (auto& [question, values] : unit.closing().likert_counts(programme_id)) counts[question] = std::move(values);
  for (const auto& question : unit.closing().questions(programme_id)) {
    if (question.kind != QuestionKind::likert) continue;
    LikertResult result{question.text, question.scale_min, question.scale_max, std::vector<std::int64_t>(static_cast<std::size_t>(question.scale_max - question.scale_min + 1))};
    for (const auto& [value, count] : counts[question.id])
      if (value >= question.scale_min && value <= question.scale_max) result.counts[static_cast<std::size_t>(value - question.scale_min)] += count;
    results.push_back(std::move(result));
  }
  return results;
}

namespace {

SurveyView read_survey(storage::UnitOfWork& unit, Id programme_id, bool results) {
  SurveyView view;
  view.questions = unit.closing().questions(programme_id);
  view.respondents = unit.closing().respondents(programme_id);
  const auto counts = unit.programmes().counts(programme_id);
  view.enrolled = counts.active;
  if (!results) return view;
  std::map<Id, std::vector<std::pair<int, std::int64_t>>> likert;
  for (auto& [question, values] : unit.closing().likert_counts(programme_id)) likert[question] = std::move(values);
  std::map<Id, std::vector<std::string>> texts;
  for (auto& [question, text] : unit.closing().open_answers(programme_id)) texts[question].push_back(std::move(text));
  for (const auto& question : view.questions) {
    SurveyResult result{question, {}, 0, std::nullopt, {}};
    if (question.kind == QuestionKind::likert) {
      result.counts.assign(static_cast<std::size_t>(question.scale_max - question.scale_min + 1), 0);
      double sum = 0;
      for (const auto& [value, count] : likert[question.id]) {
        if (value < question.scale_min || value > question.scale_max) continue;
        result.counts[static_cast<std::size_t>(value - question.scale_min)] += count;
        result.n += count;
        sum += static_cast<double>(value) * static_cast<double>(count);
      }
      if (result.n > 0) result.mean = sum / static_cast<double>(result.n);
    } else {
      result.texts = std::move(texts[question.id]);
      result.n = static_cast<std::int64_t>(result.texts.size());
    }
    view.results.push_back(std::move(result));
  }
  return view;
}

}  // namespace

Result<SurveyView> get_survey(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::view_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  const bool coordinator = actor.has_role(Role::coordinator, programme_id);
  auto view = read_survey(*unit, programme_id, coordinator);
  if (actor.has_role(Role::participant, programme_id) || actor.has_role(Role::group_leader, programme_id))
    if (const auto mine = own_enrollment(*unit, actor, programme_id)) view.answered = unit->closing().has_answered(programme_id, *mine);
  return view;
}

Result<SurveyView> save_survey_questions(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<SurveyQuestion>& questions,
                                         TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (auto errors = check_questions(questions); !errors.empty()) return std::unexpected(invalid_fields(std::move(errors)));
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  if (!unit->closing().replace_questions(programme_id, questions)) return std::unexpected(make_error(ErrorCode::conflict, "error.survey.answered"));
  unit->audit().append({actor.user_id, "survey.questions", "programme", programme_id, json_object("questions", static_cast<std::int64_t>(questions.size()))},
                       format_iso8601(now));
  auto view = read_survey(*unit, programme_id, true);
  unit->commit();
  return view;
}

Result<void> answer_survey(storage::Store& store, const Actor& actor, Id programme_id, const std::vector<SurveyAnswer>& answers, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::submit_project)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto mine = own_enrollment(*unit, actor, programme_id);
  if (!mine) return std::unexpected(make_error(ErrorCode::not_found, "error.progress.not_enrolled"));
  const auto questions = unit->closing().questions(programme_id);
  if (questions.empty()) return std::unexpected(make_error(ErrorCode::conflict, "error.survey.no_questions"));
  std::map<Id, const SurveyQuestion*> by_id;
  for (const auto& question : questions) by_id[question.id] = &question;
  std::vector<FieldError> errors;
  std::vector<storage::SurveyAnswerRecord> records;
  std::set<Id> seen;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& answer = answers[i];
    const auto at = "answers[" + std::to_string(i) + "]";
    const auto found = by_id.find(answer.question_id);
    if (found == by_id.end()) {
      errors.push_back({at + ".question_id", std::nullopt, "unknown_question", "error.survey.unknown_question", std::to_string(answer.question_id)});
      continue;
    }
    if (!seen.insert(answer.question_id).second) {
      errors.push_back({at + ".question_id", std::nullopt, "duplicate", "error.survey.duplicate_answer", std::to_string(answer.question_id)});
      continue;
    }
    const auto& question = *found->second;
    if (question.kind == QuestionKind::likert) {
      if (!answer.value || *answer.value < question.scale_min || *answer.value > question.scale_max)
        errors.push_back({at + ".value", std::nullopt, "out_of_scale", "error.survey.out_of_scale", answer.value ? std::to_string(*answer.value) : ""});
      else records.push_back({question.id, answer.value, {}});
    } else if (!answer.text.empty()) {
      if (answer.text.size() > 2000) errors.push_back({at + ".text", std::nullopt, "too_long", "error.field.too_long", answer.text.substr(0, 40)});
      else records.push_back({question.id, std::nullopt, std::string(trim(answer.text))});
    }
  }
  // Every Likert question is answered; open ones may be left blank.
  for (std::size_t q = 0; q < questions.size(); ++q)
    if (questions[q].kind == QuestionKind::likert && !seen.contains(questions[q].id))
      errors.push_back({"answers", std::nullopt, "missing_answer", "error.survey.missing_answer", std::to_string(q + 1)});
  if (!errors.empty()) return std::unexpected(invalid_fields(std::move(errors)));
  // A random response id: neither insertion order nor time ties the answers to the respondent.
  const auto response = static_cast<std::int64_t>(random_bits() >> 1);
  if (!unit->closing().record_response(programme_id, *mine, response, records))
    return std::unexpected(make_error(ErrorCode::conflict, "error.survey.already_answered"));
  // The audit says that someone answered, without who or what: no actor, no answers.
  unit->audit().append({std::nullopt, "survey.answer", "programme", programme_id, "{}"}, format_iso8601(now).substr(0, 10) + "T00:00:00Z");
  unit->commit();
  return {};
}

namespace {

LocalizedText first_sentence(const LocalizedText& text) {
  auto cut = [](const std::string& value) {
    const auto end = value.find(". ");
    return end == std::string::npos ? value : value.substr(0, end + 1);
  };
  return {cut(text.es), cut(text.en)};
}

NewsFacts news_facts(storage::UnitOfWork& unit, const Programme& programme) {
  NewsFacts facts;
  facts.title = programme.title;
  facts.objective = first_sentence(programme.description);
  for (const auto& organisation : programme.organisations)
    (organisation.role == "funder" ? facts.funder : facts.implementer) = organisation.name;
  facts.end_date = programme.end_date;
  facts.closed = programme.status == ProgrammeStatus::closed;
  facts.modules.reserve(programme.modules.size());
  for (const auto& module : programme.modules) facts.modules.push_back(module.title);

  const auto records = unit.programmes().participant_records(programme.id, {});
  std::map<Id, std::pair<LocalizedText, std::int64_t>> institutions;
  std::map<Id, const ParticipantRecord*> by_enrollment;
  for (const auto& record : records) {
    by_enrollment[record.row.enrollment_id] = &record;
    if (record.row.status != EnrollmentStatus::graduated) continue;
    ++facts.graduates;
    facts.national_level |= record.row.level == "national";
    facts.local_level |= record.row.level == "local";
    if (record.row.institution.id) {
      auto& entry = institutions[record.row.institution.id];
      entry.first = record.row.institution.name;
      if (!record.row.institution.acronym.empty()) {
        entry.first.es += " (" + record.row.institution.acronym + ")";
        entry.first.en += " (" + record.row.institution.acronym + ")";
      }
      ++entry.second;
    }
  }
  // The institutions with the most graduates first, then by name.
  std::vector<std::pair<LocalizedText, std::int64_t>> ordered;
  for (auto& [id, entry] : institutions) ordered.push_back(entry);
  std::ranges::stable_sort(ordered, [](const auto& a, const auto& b) { return std::tie(b.second, a.first.es) < std::tie(a.second, b.first.es); });
  for (auto& [name, count] : ordered) facts.institutions.push_back(name);

  const auto projects = unit.projects().projects(programme.id);
  facts.projects = static_cast<std::int64_t>(projects.size());
  std::map<int, std::int64_t> objectives;
  for (const auto& project : projects)
    for (int objective : project.content.gcm_objectives) ++objectives[objective];
  std::vector<std::pair<int, std::int64_t>> by_frequency(objectives.begin(), objectives.end());
  std::ranges::stable_sort(by_frequency, [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [objective, count] : by_frequency) facts.gcm_objectives.push_back(objective);
  if (const auto best = unit.jury().best_project(programme.id); best && best->project_id)
    for (const auto& project : projects)
      if (project.id == *best->project_id) facts.best_team = NewsPerson{project.team_name, {}, project.region_name};

  for (const auto& team : unit.programmes().teams(programme.id)) {
    if (!team.leader_enrollment_id) continue;
    const auto found = by_enrollment.find(*team.leader_enrollment_id);
    if (found == by_enrollment.end() || found->second->row.status == EnrollmentStatus::withdrawn) continue;
    const auto& row = found->second->row;
    facts.leaders.push_back({row.given_names + " " + row.family_names, row.institution.name, team.region.name});
  }
  auto guests = unit.closing().guests(programme.id);
  sort_by_precedence(guests);
  for (auto& guest : guests)
    if (guest.authority && guest.rsvp != Rsvp::declined) facts.authorities.push_back(std::move(guest));
  for (int goal : programme.sdgs) facts.sdgs.emplace_back(goal, sdg_name(goal).value_or(LocalizedText{std::to_string(goal), std::to_string(goal)}));
  return facts;
}

std::optional<SavedNews> saved_news(storage::UnitOfWork& unit, Id programme_id, Language language) {
  auto record = unit.closing().news_draft(programme_id, to_string(language));
  if (!record) return std::nullopt;
  return SavedNews{std::move(record->body), std::move(record->updated_at), record->version};
}

}  // namespace

Result<NewsView> get_news(storage::Store& store, const std::optional<Actor>& actor, Id programme_id, Language language) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  auto programme = programme_of(*unit, programme_id);
  if (!programme) return std::unexpected(programme.error());
  NewsView view{language, draft_news(news_facts(*unit, *programme), language), saved_news(*unit, programme_id, language)};
  return view;
}

Result<NewsView> save_news(storage::Store& store, const Actor& actor, Id programme_id, Language language, std::string_view body,
                           std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  if (body.size() > 100000) return std::unexpected(invalid_fields({{"body", std::nullopt, "too_long", "error.field.too_long", {}}}));
  auto unit = store.begin(storage::TransactionMode::read_write);
  auto programme = programme_of(*unit, programme_id);
  if (!programme) return std::unexpected(programme.error());
  if (!unit->closing().save_news_draft(programme_id, to_string(language), body, format_iso8601(now), expected_version))
    return std::unexpected(make_error(ErrorCode::conflict, "error.news.stale"));
  unit->audit().append({actor.user_id, "news.save", "programme", programme_id, json_object("language", to_string(language))}, format_iso8601(now));
  NewsView view{language, draft_news(news_facts(*unit, *programme), language), saved_news(*unit, programme_id, language)};
  unit->commit();
  return view;
}

}  // namespace diplomado::services
