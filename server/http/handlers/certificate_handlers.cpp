// Certificates (issue 13): settings (layout, signatories, logos), issuing, the list, one PDF,
// the batch as a ZIP, revocation, and the public check of a serial.
#include "documents/certificate_batch.hpp"
#include "documents/credential.hpp"
#include "domain/time.hpp"
#include "services/credential_proof.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json/json_body.hpp"
#include "http/problem.hpp"
#include "services/anonymise_person.hpp"
#include "json/domain_reader.hpp"
#include "json/json_writer.hpp"
#include "services/issue_certificates.hpp"

namespace diplomado::http {
namespace {

struct SettingsBody {
  CertificateLayout layout = CertificateLayout::bilingual;
  std::vector<Signatory> signatories;
};
void describe(BodyReader& body, SettingsBody& value) {
  body.choice("layout", value.layout, parse_certificate_layout).optional("signatories", value.signatories, {.max_items = 10}).read_only({"logos"});
}

struct RevocationBody {
  std::string reason;
};
void describe(BodyReader& body, RevocationBody& value) { body.required("reason", value.reason, {.max_length = 2000}); }

std::string settings_json(const CertificateSettings& settings) {
  JsonWriter json;
  json.begin_object().field("layout", to_string(settings.layout)).key("signatories").begin_array();
  for (const auto& signatory : settings.signatories) {
    json.begin_object().field("name", signatory.name).key("title").begin_object().field("es", signatory.title.es).field("en", signatory.title.en).end_object();
    json.end_object();
  }
  json.end_array().key("logos").begin_array();
  for (std::size_t i = 0; i < settings.logos.size(); ++i)
    json.begin_object()
        .field("position", static_cast<std::int64_t>(i + 1))
        .field("media_type", media_type(settings.logos[i].format))
        .field("bytes", static_cast<std::int64_t>(settings.logos[i].bytes.size()))
        .end_object();
  json.end_array().end_object();
  return json.take();
}

}  // namespace

// A certificate as the API lists it (also in a person's own data export).
void write_certificate(JsonWriter& json, const CertificateRecord& record) {
  json.begin_object()
      .field("serial", record.serial)
      .field("version", static_cast<std::int64_t>(record.version))
      .field("enrollment_id", record.enrollment_id)
      .field("kind", to_string(record.kind))
      .field("holder_name", record.holder_name)
      .field("team", record.team)
      .field("state", to_string(state_of(record)))
      .field("issued_at", record.issued_at)
      .key("superseded_at");
  write_value(json, record.superseded_at);
  json.key("revoked_at");
  write_value(json, record.revoked_at);
  json.field("revocation_reason", record.revocation_reason).field("verify_url", record.verify_url).end_object();
}


HttpResponse handle_get_certificate_settings(RequestContext& context) {
  auto settings = services::get_certificate_settings(context.store(), *context.actor, programme_id_of(context));
  if (!settings) return problem_response(settings.error(), context.language);
  return json_response(200, settings_json(*settings));
}

// Body: {"layout": "bilingual" | "per_language", "signatories": [{"name", "title": {"es", "en"}}]}.
HttpResponse handle_update_certificate_settings(RequestContext& context) {
  auto body = read_body<SettingsBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto settings = services::update_certificate_settings(context.store(), *context.actor, programme_id_of(context), body->layout, body->signatories,
                                                        context.app.now());
  if (!settings) return problem_response(settings.error(), context.language);
  return json_response(200, settings_json(*settings));
}

// The image itself is the body: PNG or SVG, checked by its content, at most 1 MiB.
HttpResponse handle_add_certificate_logo(RequestContext& context) {
  auto settings = services::add_certificate_logo(context.store(), *context.actor, programme_id_of(context), context.upload->bytes(), context.app.now());
  if (!settings) return problem_response(settings.error(), context.language);
  return json_response(201, settings_json(*settings));
}

HttpResponse handle_delete_certificate_logo(RequestContext& context) {
  const auto position = path_id(context, "position");
  if (!position) return bad_path_id(context, "position");
  auto settings = services::delete_certificate_logo(context.store(), *context.actor, programme_id_of(context), static_cast<int>(*position), context.app.now());
  if (!settings) return problem_response(settings.error(), context.language);
  return json_response(200, settings_json(*settings));
}

HttpResponse handle_issue_certificates(RequestContext& context) {
  auto outcome = services::issue_certificates(context.store(), context.actor, programme_id_of(context), context.app.public_url, context.app.now());
  if (!outcome) return problem_response(outcome.error(), context.language);
  JsonWriter json;
  json.begin_object().field("issued", outcome->issued).field("reissued", outcome->reissued).field("unchanged", outcome->unchanged).end_object();
  return json_response(200, json.take());
}

HttpResponse handle_list_certificates(RequestContext& context) {
  auto records = services::list_certificates(context.store(), *context.actor, programme_id_of(context));
  if (!records) return problem_response(records.error(), context.language);
  JsonWriter json;
  json.begin_object().key("items").begin_array();
  for (const auto& record : *records) write_certificate(json, record);
  json.end_array().end_object();
  return json_response(200, json.take());
}

HttpResponse handle_get_certificate_pdf(RequestContext& context) {
  const auto& serial = context.path_parameters.at("serial");
  auto data = services::get_certificate(context.store(), context.actor, programme_id_of(context), serial);
  if (!data) return problem_response(data.error(), context.language);
  return file_response(documents::certificate_pdf(documents::certificate_content(*data)), "application/pdf",
                       documents::certificate_file_name(data->record));
}

HttpResponse handle_get_certificates_archive(RequestContext& context) {
  auto batch = services::certificates_for_batch(context.store(), context.actor, programme_id_of(context));
  if (!batch) return problem_response(batch.error(), context.language);
  // Written to disk a certificate at a time, then sent from the page cache: a thousand PDFs never
  // sit in memory together.
  auto zip = services::spooled_answer(context.store(), [&](const std::filesystem::path& path) { return documents::write_certificates_zip(*batch, path); });
  if (!zip) return problem_response(zip.error(), context.language);
  auto response = file_response({}, "application/zip", translate("certificate.archive_name", context.language) + ".zip");
  response.file = std::make_shared<const services::OpenFile>(std::move(*zip));
  return response;
}

// Body: {"reason": "..."}.
HttpResponse handle_revoke_certificate(RequestContext& context) {
  auto body = read_body<RevocationBody>(context);
  if (!body) return problem_response(body.error(), context.language);
  auto record = services::revoke_certificate(context.store(), *context.actor, programme_id_of(context), context.path_parameters.at("serial"),
                                             body->reason, context.app.now());
  if (!record) return problem_response(record.error(), context.language);
  JsonWriter json;
  write_certificate(json, *record);
  return json_response(200, json.take());
}

// Public: valid, revoked (with its date) or superseded; the holder's name, the programme and the
// date, and nothing else personal. An unknown serial is a plain "not found".
HttpResponse handle_verify_certificate(RequestContext& context) {
  if (context.app.verify_limit && !context.app.verify_limit->allow(context.client_address, context.app.now())) {
    auto error = make_error(ErrorCode::too_many_requests, "error.verify.throttled");
    error.retry_after_seconds = static_cast<int>(context.app.verify_limit->window().count());
    return problem_response(error, context.language);
  }
  auto found = services::verify_certificate(context.store(), context.path_parameters.at("serial"));
  if (!found) return problem_response(found.error(), context.language);
  JsonWriter json;
  json.begin_object()
      .field("serial", found->serial)
      .field("version", static_cast<std::int64_t>(found->version))
      .field("state", to_string(found->state))
      .field("kind", to_string(found->kind))
      // An anonymised holder (Ley 81): no name, said in the reader's language by the page.
      .field("holder_name", found->holder_name == services::anonymised_holder_name ? std::string() : found->holder_name)
      .field("anonymised", found->holder_name == services::anonymised_holder_name)
      .key("programme")
      .begin_object()
      .field("es", found->programme_title.es)
      .field("en", found->programme_title.en)
      .end_object()
      .field("end_date", found->end_date)
      .field("issued_at", found->issued_at)
      .key("revoked_at");
  write_value(json, found->revoked_at);
  json.end_object();
  auto response = json_response(200, json.take());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

namespace {

HttpResponse signed_json(nlohmann::json document, const RequestContext& context, const std::string& created) {
  const auto& keys = *context.app.issuer_keys;
  const auto issuer = documents::issuer_for(context.app.public_url, keys.current_id);
  auto secured = services::add_proof(document, {issuer.key_id, created, "assertionMethod"}, keys.current);
  HttpResponse response = json_response(200, secured.dump());
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

HttpResponse no_key(const RequestContext& context) { return problem_response(make_error(ErrorCode::unavailable, "error.issuer_key.unreadable"), context.language); }

}  // namespace

// The certificate's current version as a signed Open Badges 3.0 credential (eddsa-jcs-2022),
// for its holder or the programme's coordinators. Signed with `created` = the issue time, so the
// same version always gives the same bytes.
HttpResponse handle_get_certificate_credential(RequestContext& context) {
  if (!context.app.issuer_keys) return no_key(context);
  auto data = services::get_certificate(context.store(), context.actor, programme_id_of(context), context.path_parameters.at("serial"));
  if (!data) return problem_response(data.error(), context.language);
  auto response = signed_json(documents::open_badge_credential(*data, documents::issuer_for(context.app.public_url)), context, data->record.issued_at);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + data->record.serial + ".json\"");
  return response;
}

// Public: the site's revocation list, signed (W3C Bitstring Status List).
HttpResponse handle_get_status_list(RequestContext& context) {
  if (!context.app.issuer_keys) return no_key(context);
  const auto list = services::revocation_list(context.store());
  const auto now = format_iso8601(context.app.now());
  return signed_json(documents::status_list_credential(list.revoked, list.largest_id, documents::issuer_for(context.app.public_url), now), context, now);
}

// Public: the issuer's DID document (did:web), with its public key as a Multikey.
HttpResponse handle_get_did_document(RequestContext& context) {
  if (!context.app.issuer_keys) return no_key(context);
  const auto issuer = documents::issuer_for(context.app.public_url, context.app.issuer_keys->current_id);
  return json_response(200, documents::did_document(issuer, *context.app.issuer_keys).dump());
}

}  // namespace diplomado::http
