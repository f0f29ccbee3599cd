#include "services/manage_programmes.hpp"

#include <algorithm>
#include <map>

#include "domain/validation.hpp"
#include "json/json_writer.hpp"
#include "services/crypto.hpp"
#include "services/get_programme.hpp"

namespace diplomado::services {
namespace {

std::optional<Error> refuse_site(const std::optional<Actor>& actor) {
  if (actor && !can_manage_site(*actor)) return make_error(ErrorCode::forbidden, "error.forbidden");
  return std::nullopt;
}

Error code_taken(const std::string& code) {
  Error error = make_error(ErrorCode::conflict, "error.programme.code_taken");
  error.details.push_back({"code", std::nullopt, "taken", "error.programme.code_taken", code});
  return error;
}

std::string audit_summary(const Programme& programme) {
  return json_object("code", programme.code, "status", std::string(to_string(programme.status)), "modules",
                     static_cast<std::int64_t>(programme.modules.size()));
}

// A coordinator by e-mail: an existing account gets the grant; a new one is created with a
// password shown once. Errors name the entry ("coordinators[1].email").
Result<NamedCoordinator> grant_coordinator(storage::UnitOfWork& unit, const std::optional<Actor>& actor, Id programme_id,
                                           const CoordinatorInput& input, const std::string& path, const std::string& at) {
  const std::string email = normalise_email(input.email);
  if (!is_valid_email(email)) return std::unexpected(invalid_fields({{path + "email", std::nullopt, "invalid", "error.field.email", input.email}}));
  NamedCoordinator named;
  named.email = email;
  const std::optional<Id> by = actor ? std::optional<Id>(actor->user_id) : std::nullopt;
  if (auto user = unit.users().find_by_email(email)) {
    named.user_id = user->id;
    named.display_name = user->display_name;
  } else {
    if (input.display_name.find_first_not_of(' ') == std::string::npos || input.display_name.size() > 200)
      return std::unexpected(invalid_fields({{path + "display_name", std::nullopt, "required", "error.programme.coordinator_name", email}}));
    named.initial_password = generate_password();
    const auto hash = hash_password(named.initial_password);
    if (!hash) return std::unexpected(make_error(ErrorCode::internal, "error.internal"));
    named.user_id = unit.users().insert({email, input.display_name, *hash, at});
    named.display_name = input.display_name;
    unit.audit().append({by, "user.create", "app_user", named.user_id, json_object("role", "coordinator")}, at);
  }
  const auto grants = unit.users().grants(named.user_id);
  if (!std::ranges::any_of(grants, [&](const RoleGrant& grant) { return grant.role == Role::coordinator && grant.programme_id == programme_id; })) {
    unit.users().add_grant(named.user_id, {Role::coordinator, programme_id});
    unit.audit().append({by, "grant.add", "app_user", named.user_id, json_object("role", "coordinator", "programme", programme_id)}, at);
  }
  return named;
}

// Writes the modules as the edit lists them: removed ones first (refused while in use), then the
// kept ones moved out of the way of the positions, then every one at its place.
Result<void> write_modules(storage::UnitOfWork& unit, const Programme& before, const std::vector<ModuleInput>& modules, Id programme_id) {
  std::map<Id, std::int64_t> usage;
  for (const auto& [id, uses] : unit.programmes().module_usage(programme_id)) usage[id] = uses;
  std::vector<FieldError> problems;
  for (std::size_t i = 0; i < modules.size(); ++i)
    if (modules[i].id && std::ranges::find(before.modules, *modules[i].id, &Module::id) == before.modules.end())
      problems.push_back({"modules[" + std::to_string(i) + "].id", std::nullopt, "unknown", "error.programme.unknown_module", std::to_string(*modules[i].id)});
  for (const auto& module : before.modules) {
    const bool kept = std::ranges::any_of(modules, [&](const ModuleInput& input) { return input.id == module.id; });
    if (!kept && usage[module.id] > 0)
      problems.push_back({"modules", std::nullopt, "in_use", "error.programme.module_in_use", module.title.es});
  }
  if (!problems.empty()) {
    Error error = make_error(ErrorCode::conflict, "error.programme.module_in_use");
    error.details = std::move(problems);
    if (error.details.front().code == "unknown") error.code = ErrorCode::invalid_input, error.message_key = "error.invalid_input";
    return std::unexpected(error);
  }
  for (const auto& module : before.modules)
    if (!std::ranges::any_of(modules, [&](const ModuleInput& input) { return input.id == module.id; })) unit.programmes().delete_module(module.id);
  int parked = 100'000;
  for (const auto& input : modules)
    if (input.id) {
      Module moved = *std::ranges::find(before.modules, *input.id, &Module::id);
      moved.position = ++parked;
      unit.programmes().update_module(*input.id, moved);
    }
  int position = 0;
  for (const auto& input : modules) {
    Module module = input.module;
    module.position = ++position;
    if (input.id) {
      const auto& old = *std::ranges::find(before.modules, *input.id, &Module::id);
      module.weight = old.weight;
      module.illustrative = old.illustrative;
      unit.programmes().update_module(*input.id, module);
    } else {
      unit.programmes().insert_module(programme_id, module);
    }
  }
  return {};
}

// A country the site has no subdivisions for gets those of the reference data.
void ensure_subdivisions(storage::UnitOfWork& unit, const std::string& country, const std::vector<ReferenceSubdivision>& reference) {
  if (reference.empty() || !unit.people().subdivision_candidates(country).empty()) return;
  for (const auto& subdivision : reference)
    if (subdivision.code.starts_with(country + "-")) unit.people().upsert_subdivision({subdivision.code, country, subdivision.name, subdivision.kind}, subdivision.aliases);
}

// The database refused a write the checks above allowed: another request saved the same code or
// e-mail at the same moment (PostgreSQL's transactions may both pass the check). The unit of work
// rolled back; the user is told to try again, never given a 500.
template <class Write>
auto storage_guarded(Write&& write) -> decltype(write()) {
  try {
    return write();
  } catch (const std::exception&) {
    return std::unexpected(make_error(ErrorCode::conflict, "error.programme.storage"));
  }
}

}  // namespace

static Result<CreatedProgramme> create_programme_unguarded(storage::Store& store, const std::optional<Actor>& actor, const NewProgramme& request, TimePoint now) {
  if (auto refused = refuse_site(actor)) return std::unexpected(*refused);
  auto problems = check_programme(request.programme);
  if (request.programme.status == ProgrammeStatus::closed)
    problems.push_back({"status", std::nullopt, "closed", "error.programme.create_closed", "closed"});
  else if (request.programme.status == ProgrammeStatus::active)
    for (auto& problem : check_ready_to_open(request.programme)) problems.push_back(std::move(problem));
  if (!problems.empty()) return std::unexpected(invalid_fields(std::move(problems)));

  auto unit = store.begin(storage::TransactionMode::read_write);
  if (unit->programmes().find_id_by_code(request.programme.code)) return std::unexpected(code_taken(request.programme.code));
  const std::string at = format_iso8601(now);
  ensure_subdivisions(*unit, request.programme.country, request.reference_subdivisions);
  const Id id = unit->programmes().insert_programme(request.programme);
  int position = 0;
  for (auto module : request.programme.modules) {
    module.position = ++position;
    unit->programmes().insert_module(id, module);
  }
  const std::optional<Id> by = actor ? std::optional<Id>(actor->user_id) : std::nullopt;
  unit->audit().append({by, "programme.create", "programme", id, audit_summary(request.programme)}, at);
  CreatedProgramme created;
  for (std::size_t i = 0; i < request.coordinators.size(); ++i) {
    auto named = grant_coordinator(*unit, actor, id, request.coordinators[i], "coordinators[" + std::to_string(i) + "].", at);
    if (!named) return std::unexpected(named.error());
    created.coordinators.push_back(std::move(*named));
  }
  created.programme = *unit->programmes().find(id);
  unit->commit();
  return created;
}

static Result<Programme> update_programme_unguarded(storage::Store& store, const Actor& actor, Id programme_id, const ProgrammeChanges& changes,
                                   std::int64_t expected_version, TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto before = unit->programmes().find(programme_id);
  if (!before) return std::unexpected(programme_not_found());
  if (before->status == ProgrammeStatus::closed) return std::unexpected(make_error(ErrorCode::conflict, "error.programme.closed"));
  if (before->version != expected_version) return std::unexpected(make_error(ErrorCode::conflict, "error.programme.stale"));

  Programme after = *before;
  if (changes.code) after.code = *changes.code;
  if (changes.title) after.title = *changes.title;
  if (changes.description) after.description = *changes.description;
  if (changes.country) after.country = *changes.country;
  if (changes.time_zone) after.time_zone = *changes.time_zone;
  if (changes.locale) after.locale = *changes.locale;
  if (changes.start_date) after.start_date = *changes.start_date;
  if (changes.end_date) after.end_date = *changes.end_date;
  if (changes.modality) after.modality = *changes.modality;
  if (changes.status) after.status = *changes.status;
  if (changes.sdgs) after.sdgs = *changes.sdgs;
  if (changes.organisations) after.organisations = *changes.organisations;
  if (changes.modules) {
    after.modules.clear();
    for (const auto& input : *changes.modules) after.modules.push_back(input.module);
  }
  auto problems = check_programme(after);
  if (after.status != before->status) {
    if (!can_change_status(before->status, after.status))
      problems.push_back({"status", std::nullopt, "transition", "error.programme.status_change", std::string(to_string(after.status))});
    else if (after.status == ProgrammeStatus::active)
      for (auto& problem : check_ready_to_open(after)) problems.push_back(std::move(problem));
  }
  if (!problems.empty()) return std::unexpected(invalid_fields(std::move(problems)));
  if (after.code != before->code && unit->programmes().find_id_by_code(after.code)) return std::unexpected(code_taken(after.code));
  if (changes.modules)
    if (auto written = write_modules(*unit, *before, *changes.modules, programme_id); !written) return std::unexpected(written.error());
  if (after.country != before->country) ensure_subdivisions(*unit, after.country, changes.reference_subdivisions);
  if (!unit->programmes().update_programme(after, expected_version)) return std::unexpected(make_error(ErrorCode::conflict, "error.programme.stale"));
  unit->audit().append({actor.user_id, "programme.update", "programme", programme_id, audit_summary(after)}, format_iso8601(now));
  auto updated = *unit->programmes().find(programme_id);
  unit->commit();
  return updated;
}

static Result<Programme> clone_programme_unguarded(storage::Store& store, const std::optional<Actor>& actor, Id from_programme_id, const CloneRequest& request,
                                  TimePoint now) {
  if (auto refused = refuse_site(actor)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto source = unit->programmes().find(from_programme_id);
  if (!source) return std::unexpected(programme_not_found());
  const auto new_start = parse_date(request.start_date);
  if (!new_start) return std::unexpected(invalid_fields({{"start_date", std::nullopt, "invalid_date", "error.programme.invalid_date", request.start_date}}));
  const auto old_start = parse_date(source->start_date);
  const std::chrono::days shift = old_start ? *new_start - *old_start : std::chrono::days{0};

  Programme copy = *source;
  copy.code = request.code;
  if (request.title) copy.title = *request.title;
  copy.status = ProgrammeStatus::draft;
  copy.start_date = request.start_date;
  copy.end_date = source->end_date.empty() ? std::string() : shift_date(source->end_date, shift);
  if (auto problems = check_programme(copy); !problems.empty()) return std::unexpected(invalid_fields(std::move(problems)));
  if (unit->programmes().find_id_by_code(copy.code)) return std::unexpected(code_taken(copy.code));

  const auto gradebook = unit->teaching().load_gradebook(from_programme_id);
  copy.grading = gradebook.input.policy;
  const Id id = unit->programmes().insert_programme(copy);
  std::map<Id, Id> module_ids;
  for (const auto& module : source->modules) module_ids[module.id] = unit->programmes().insert_module(id, module);
  auto& teaching = unit->teaching();
  for (const auto& session : teaching.sessions(from_programme_id)) {
    const auto module = std::ranges::find(source->modules, session.module_id, &Module::id);
    const Id new_session = teaching.insert_session(module_ids.at(session.module_id),
                                                   {"", module->position, session.title, shift_moment(session.starts_at, shift, source->time_zone),
                                                    shift_moment(session.ends_at, shift, source->time_zone), session.place});
    if (!session.online_link.empty()) teaching.set_session_link(new_session, session.online_link);
  }
  for (const auto& assessment : teaching.assessments(from_programme_id)) {
    AssessmentSeed seed = assessment.seed;
    if (!seed.due_date.empty()) seed.due_date = shift_date(seed.due_date, shift);
    std::optional<Id> module;
    if (assessment.module) module = module_ids.at(source->modules.at(static_cast<std::size_t>(*assessment.module - 1)).id);
    teaching.insert_assessment(id, module, seed);
  }
  const auto rubric = unit->projects().rubric(from_programme_id);
  if (!rubric.criteria.empty()) unit->projects().replace_rubric(id, rubric.criteria);
  auto settings = unit->projects().settings(from_programme_id);
  if (settings.deadline) settings.deadline = shift_moment(*settings.deadline, shift, source->time_zone);
  unit->projects().set_settings(id, settings);

  const std::optional<Id> by = actor ? std::optional<Id>(actor->user_id) : std::nullopt;
  unit->audit().append({by, "programme.clone", "programme", id, json_object("from", source->code, "code", copy.code, "days", static_cast<std::int64_t>(shift.count()))},
                       format_iso8601(now));
  auto created = *unit->programmes().find(id);
  unit->commit();
  return created;
}

Result<std::vector<NamedCoordinator>> list_coordinators(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  std::vector<NamedCoordinator> result;
  for (const auto& user : unit->users().holders(programme_id, Role::coordinator)) result.push_back({user.id, user.email, user.display_name, {}});
  return result;
}

static Result<NamedCoordinator> name_coordinator_unguarded(storage::Store& store, const Actor& actor, Id programme_id, const CoordinatorInput& coordinator,
                                          TimePoint now) {
  if (auto refused = refuse_site(actor)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  auto named = grant_coordinator(*unit, actor, programme_id, coordinator, "", format_iso8601(now));
  if (!named) return std::unexpected(named.error());
  unit->commit();
  return named;
}

Result<SetupChecklist> setup_checklist(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  const auto counts = unit->programmes().setup_counts(programme_id);
  SetupChecklist checklist;
  checklist.items = {
      {"modules", counts.modules > 0, counts.modules},
      {"sessions", counts.sessions > 0, counts.sessions},
      {"assessments", counts.assessments > 0, counts.assessments},
      {"participants", counts.enrollments > 0, counts.enrollments},
      {"teams", counts.teams > 0 && counts.in_teams > 0, counts.teams},
      {"rubric", counts.rubric_criteria > 0, counts.rubric_criteria},
      {"jurors", counts.jurors > 0, counts.jurors},
      {"coordinators", counts.coordinators > 0, counts.coordinators},
  };
  // Certificates need someone to sign them: without signatories none can be issued.
  const auto signatories = static_cast<std::int64_t>(unit->certificates().settings(programme_id).signatories.size());
  checklist.items.push_back({"signatories", signatories > 0, signatories});
  checklist.complete = std::ranges::all_of(checklist.items, &SetupItem::done);
  return checklist;
}

Result<CreatedProgramme> create_programme(storage::Store& store, const std::optional<Actor>& actor, const NewProgramme& request, TimePoint now) {
  return storage_guarded([&] { return create_programme_unguarded(store, actor, request, now); });
}

Result<Programme> update_programme(storage::Store& store, const Actor& actor, Id programme_id, const ProgrammeChanges& changes,
                                   std::int64_t expected_version, TimePoint now) {
  return storage_guarded([&] { return update_programme_unguarded(store, actor, programme_id, changes, expected_version, now); });
}

Result<Programme> clone_programme(storage::Store& store, const std::optional<Actor>& actor, Id from_programme_id, const CloneRequest& request,
                                  TimePoint now) {
  return storage_guarded([&] { return clone_programme_unguarded(store, actor, from_programme_id, request, now); });
}

Result<NamedCoordinator> name_coordinator(storage::Store& store, const Actor& actor, Id programme_id, const CoordinatorInput& coordinator,
                                          TimePoint now) {
  return storage_guarded([&] { return name_coordinator_unguarded(store, actor, programme_id, coordinator, now); });
}

}  // namespace diplomado::services
