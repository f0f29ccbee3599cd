#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/json/programme_json.hpp"
#include "http/problem.hpp"
#include "http/handlers/versioned_response.hpp"
#include "services/get_programme.hpp"
#include "services/list_programmes.hpp"
#include "services/manage_programmes.hpp"
#include "json/domain_reader.hpp"
#include "documents/iso_codes.hpp"
#include <spdlog/spdlog.h>

namespace diplomado::services {

// The bodies of programme setup, read member by member (json/json_reader.hpp).
static void describe(BodyReader& body, CoordinatorInput& coordinator) {
  body.required("email", coordinator.email, {.max_length = 320}).optional("display_name", coordinator.display_name, {.max_length = 300});
}

static void describe(BodyReader& body, NewProgramme& request) {
  describe(body, request.programme);
  body.optional("coordinators", request.coordinators, {.max_items = 20});
}

static void describe(BodyReader& body, ModuleInput& input) {
  describe(body, input.module);
  body.nullable("id", input.id, {.min = 1});
}

static std::optional<std::optional<ProgrammeStatus>> parse_status_change(std::string_view text) {
  if (auto status = parse_programme_status(text)) return std::optional<ProgrammeStatus>(*status);
  return std::nullopt;
}

static void describe(BodyReader& body, ProgrammeChanges& changes) {
  body.nullable("code", changes.code, {.max_length = 100})
      .nullable("title", changes.title)
      .nullable("description", changes.description)
      .nullable("country", changes.country, {.max_length = 10})
      .nullable("time_zone", changes.time_zone, {.max_length = 100})
      .nullable("locale", changes.locale, {.max_length = 20})
      .nullable("start_date", changes.start_date, {.max_length = 10})
      .nullable("end_date", changes.end_date, {.max_length = 10})
      .nullable("modality", changes.modality, {.max_length = 20})
      .choice("status", changes.status, parse_status_change)
      .nullable("sdgs", changes.sdgs, {.min = -1000, .max = 1000, .max_items = 17})
      .nullable("organisations", changes.organisations, {.max_items = 20})
      .nullable("modules", changes.modules, {.max_items = 100})
      .read_only({"id", "version", "counts"});
}

static void describe(BodyReader& body, CloneRequest& request) {
  body.required("code", request.code, {.max_length = 100}).required("start_date", request.start_date, {.max_length = 10}).nullable("title", request.title);
}

}  // namespace diplomado::services

namespace diplomado::http {
namespace {
// A country's subdivisions from iso-codes; without the file a course still opens, and the
// coordinator loads them with `diplomado reference subdivisions`.
std::vector<services::ReferenceSubdivision> reference_subdivisions(const std::string& country) {
  auto list = documents::iso_subdivisions(country);
  if (!list) {
    spdlog::warn("iso-codes: {}", translate(list.error().message_key, Language::en));
    return {};
  }
  return std::move(*list);
}
}  // namespace

Id programme_id_of(const RequestContext& context) { return std::stoll(context.path_parameters.at("programme_id")); }

// ?q=&page=&per_page=: a page of the programmes the user holds a role in.
HttpResponse handle_list_programmes(RequestContext& context) {
  auto page = parse_page_request(context.query_value("page"), context.query_value("per_page"));
  if (!page) return problem_response(page.error(), context.language);
  const std::string search(context.query_value("q").value_or(""));
  if (search.size() > 100) {
    Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
    invalid.details.push_back({"q", std::nullopt, "too_long", "error.field.too_long", search.substr(0, 100)});
    return problem_response(invalid, context.language);
  }
  auto programmes = services::list_programmes(context.store(), context.app.reads, *context.actor, {*page, search});
  if (!programmes) return problem_response(programmes.error(), context.language);
  const auto write = [](const Page<ProgrammeSummary>& value) { return list_json(value.items, value.page, value.per_page, value.total); };
  // The JSON is kept with the cached page it was written from (the memo checks it is that object).
  const auto key = fmt::format("programmes:{}:{}:{}:{}", context.actor->user_id, page->page, page->per_page, search);
  return json_response(200, context.app.responses.body<Page<ProgrammeSummary>>(key, *programmes, write));
}

HttpResponse handle_get_programme(RequestContext& context) {
  auto detail = services::get_programme(context.store(), context.app.reads, *context.actor, programme_id_of(context));
  if (!detail) return problem_response(detail.error(), context.language);
  const auto body = context.app.responses.body<services::ProgrammeDetail>(
      "programme:" + std::to_string(programme_id_of(context)), *detail, [](const services::ProgrammeDetail& value) {
        JsonWriter json;
        write(json, value);
        return json.take();
      });
  HttpResponse response = json_response(200, body);
  response.headers.emplace_back("ETag", "\"" + std::to_string((*detail)->programme.version) + "\"");
  return response;
}

HttpResponse handle_create_programme(RequestContext& context) {
  auto body = read_body<services::NewProgramme>(context);
  if (!body) return problem_response(body.error(), context.language);
  body->reference_subdivisions = reference_subdivisions(body->programme.country);
  auto created = services::create_programme(context.store(), *context.actor, *body, context.app.now());
  if (!created) return problem_response(created.error(), context.language);
  for (const auto& coordinator : created->coordinators) context.app.sessions.forget_user(coordinator.user_id);
  JsonWriter json;
  write(json, *created);
  HttpResponse response = json_response(201, json.take());
  response.headers.emplace_back("Location", "/api/v1/programmes/" + std::to_string(created->programme.id));
  return response;
}

HttpResponse handle_update_programme(RequestContext& context) {
  auto body = read_body<services::ProgrammeChanges>(context);
  if (!body) return problem_response(body.error(), context.language);
  if (body->country) body->reference_subdivisions = reference_subdivisions(*body->country);
  auto version = required_version(context);
  if (!version) return problem_response(version.error(), context.language);
  auto updated = services::update_programme(context.store(), *context.actor, programme_id_of(context), *body, *version, context.app.now());
  if (!updated) return problem_response(updated.error(), context.language);
  return versioned_response(200, *updated);
}

HttpResponse handle_clone_programme(RequestContext& context) {
  auto body = read_body<services::CloneRequest>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto cloned = services::clone_programme(context.store(), *context.actor, programme_id_of(context), *body, context.app.now());
  if (!cloned) return problem_response(cloned.error(), context.language);
  auto response = versioned_response(201, *cloned);
  response.headers.emplace_back("Location", "/api/v1/programmes/" + std::to_string(cloned->id));
  return response;
}

HttpResponse handle_list_coordinators(RequestContext& context) {
  auto coordinators = services::list_coordinators(context.store(), *context.actor, programme_id_of(context));
  if (!coordinators) return problem_response(coordinators.error(), context.language);
  return json_response(200, whole_list_json(*coordinators));
}

HttpResponse handle_name_coordinator(RequestContext& context) {
  auto body = read_body<services::CoordinatorInput>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto named = services::name_coordinator(context.store(), *context.actor, programme_id_of(context), *body, context.app.now());
  if (!named) return problem_response(named.error(), context.language);
  context.app.sessions.forget_user(named->user_id);
  JsonWriter json;
  write(json, *named);
  return json_response(201, json.take());
}

HttpResponse handle_get_setup(RequestContext& context) {
  auto checklist = services::setup_checklist(context.store(), *context.actor, programme_id_of(context));
  if (!checklist) return problem_response(checklist.error(), context.language);
  JsonWriter json;
  write(json, *checklist);
  return json_response(200, json.take());
}

// Every country with its names, time zones and locales (ICU's data): the same for everyone, so
// written once.
HttpResponse handle_list_countries(RequestContext&) {
  static const std::string body = whole_list_json(known_countries());
  return json_response(200, body);
}

}  // namespace diplomado::http
