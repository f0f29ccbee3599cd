#include "documents/credential.hpp"

#include <zlib.h>

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <stdexcept>

#include "domain/messages.hpp"

namespace diplomado::documents {
namespace {

constexpr const char* vc_context = "https://www.w3.org/ns/credentials/v2";
constexpr const char* ob_context = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

std::string gzip(const std::string& bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("gzip");
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string base64url(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string status_list_url(const Issuer& issuer) { return issuer.public_url + "/api/v1/status_list"; }

}  // namespace

Issuer issuer_for(const std::string& public_url, const std::string& key_id) {
  auto host = public_url.substr(public_url.find("://") == std::string::npos ? 0 : public_url.find("://") + 3);
  if (const auto slash = host.find('/'); slash != std::string::npos) host.resize(slash);
  std::string did = "did:web:";
  for (const char c : host) did += c == ':' ? std::string("%3A") : std::string(1, c);
  return {did, did + "#" + key_id, public_url};
}

nlohmann::json open_badge_credential(const services::CertificateData& data, const Issuer& issuer) {
  const auto& record = data.record;
  const auto& programme = data.programme;
  std::string implementer;
  for (const auto& organisation : programme.organisations)
    if (organisation.role == "implementer" && implementer.empty()) implementer = organisation.name.es;
  const auto kind = std::string(to_string(record.kind));
  const auto achievement_type = record.kind == CertificateKind::graduation ? "Diploma" : "Award";
  const auto title = translate("certificate.title." + kind, Language::es);
  return {
      {"@context", {vc_context, ob_context}},
      {"id", fmt::format("{}#v{}", record.verify_url, record.version)},
      {"type", {"VerifiableCredential", "OpenBadgeCredential"}},
      {"issuer", {{"id", issuer.did}, {"type", {"Profile"}}, {"name", implementer.empty() ? programme.title.es : implementer}}},
      {"validFrom", record.issued_at},
      {"name", fmt::format("{} — {}", title, programme.title.es)},
      {"credentialSubject",
       {{"type", {"AchievementSubject"}},
        // The holder named as the certificate names them (OB 3.0 IdentityObject, not hashed).
        {"identifier", {{{"type", "IdentityObject"}, {"identityHash", record.holder_name}, {"identityType", "name"}, {"hashed", false}}}},
        {"achievement",
         {{"id", fmt::format("{}/programmes/{}/achievements/{}", issuer.public_url, programme.id, kind)},
          {"type", {"Achievement"}},
          {"achievementType", achievement_type},
          {"name", programme.title.es},
          {"description", programme.title.en},
          {"criteria", {{"narrative", translate("certificate.statement_short." + kind, Language::es)}}}}}}},
      {"credentialStatus",
       {{"id", fmt::format("{}#{}", status_list_url(issuer), record.id)},
        {"type", "BitstringStatusListEntry"},
        {"statusPurpose", "revocation"},
        {"statusListIndex", std::to_string(record.id)},
        {"statusListCredential", status_list_url(issuer)}}},
  };
}

nlohmann::json status_list_credential(const std::vector<std::int64_t>& revoked, std::int64_t largest_id, const Issuer& issuer,
                                      const std::string& valid_from) {
  constexpr std::int64_t minimum_bits = 131072;
  const auto bits = std::max(minimum_bits, (largest_id + 1 + 7) / 8 * 8);
  std::string bytes(static_cast<std::size_t>(bits / 8), '\0');
  for (const auto index : revoked)
    if (index >= 0 && index < bits) bytes[static_cast<std::size_t>(index / 8)] |= static_cast<char>(0x80 >> (index % 8));
  return {
      {"@context", {vc_context}},
      {"id", status_list_url(issuer)},
      {"type", {"VerifiableCredential", "BitstringStatusListCredential"}},
      {"issuer", issuer.did},
      {"validFrom", valid_from},
      {"credentialSubject",
       {{"id", status_list_url(issuer) + "#list"}, {"type", "BitstringStatusList"}, {"statusPurpose", "revocation"}, {"encodedList", "u" + base64url(gzip(bytes))}}},
  };
}

nlohmann::json did_document(const Issuer& issuer, const services::IssuerKeys& keys) {
  auto methods = nlohmann::json::array();
  auto assertion = nlohmann::json::array();
  const auto add = [&](const std::string& id, const services::PublicKey& key) {
    const auto method = issuer.did + "#" + id;
    methods.push_back({{"id", method}, {"type", "Multikey"}, {"controller", issuer.did}, {"publicKeyMultibase", services::public_key_multibase(key)}});
    assertion.push_back(method);
  };
  add(keys.current_id, keys.current.public_key);
  for (const auto& [id, key] : keys.retired) add(id, key);
  return {
      {"@context", {"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"}},
      {"id", issuer.did},
      {"verificationMethod", methods},
      {"assertionMethod", assertion},
  };
}

namespace {

const nlohmann::json* member(const nlohmann::json& object, const char* name) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(name);
  return found == object.end() ? nullptr : &*found;
}

std::optional<std::string> text_member(const nlohmann::json& object, const char* name) {
  const auto* found = member(object, name);
  if (!found || !found->is_string()) return std::nullopt;
  return found->get<std::string>();
}

std::optional<std::string> gunzip(const std::string& bytes, std::size_t limit) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;
  std::string out;
  std::array<char, 64 * 1024> chunk{};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (out.size() > limit) status = Z_MEM_ERROR;  // a bomb: a list is kilobytes
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace

std::optional<std::string> published_key(const nlohmann::json& did_document, std::string_view verification_method) {
  const auto* methods = member(did_document, "verificationMethod");
  if (!methods || !methods->is_array()) return std::nullopt;
  for (const auto& method : *methods)
    if (text_member(method, "id") == verification_method) return text_member(method, "publicKeyMultibase");
  return std::nullopt;
}

std::optional<bool> status_list_bit(const nlohmann::json& list_credential, std::uint64_t index) {
  const auto* subject = member(list_credential, "credentialSubject");
  const auto encoded = subject ? text_member(*subject, "encodedList") : std::nullopt;
  if (!encoded || encoded->size() < 2 || encoded->front() != 'u') return std::nullopt;
  std::string compressed(encoded->size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(compressed.data()), compressed.size(), encoded->data() + 1, encoded->size() - 1, nullptr,
                        &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  compressed.resize(length);
  const auto bits = gunzip(compressed, 16 * 1024 * 1024);
  if (!bits || index / 8 >= bits->size()) return std::nullopt;
  return (static_cast<unsigned char>((*bits)[index / 8]) & (0x80U >> (index % 8))) != 0;
}

}  // namespace diplomado::documents
