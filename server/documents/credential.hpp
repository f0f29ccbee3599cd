#pragma once
// A certificate as an Open Badges 3.0 OpenBadgeCredential (W3C Verifiable Credentials 2.0), its
// status as a W3C Bitstring Status List entry, the list itself, and the issuer's DID document
// (did:web, one Multikey verification method). Unsigned here; services/credential_proof signs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "services/credential_proof.hpp"
#include "services/issue_certificates.hpp"

namespace diplomado::documents {

struct Issuer {
  std::string did;         // "did:web:diplomado.example" (a port as %3A)
  std::string key_id;      // did + "#key-1"
  std::string public_url;  // "https://diplomado.example"
};
// did:web from the installation's public address: the host, and the port encoded as %3A; the
// verification method is the current key's.
Issuer issuer_for(const std::string& public_url, const std::string& key_id = "key-1");

nlohmann::json open_badge_credential(const services::CertificateData& data, const Issuer& issuer);
// The revocation list of every certificate on the site: bit i is certificate id i (big-endian
// bits, GZIP, multibase base64url), at least 131,072 bits as the specification asks.
nlohmann::json status_list_credential(const std::vector<std::int64_t>& revoked, std::int64_t largest_id, const Issuer& issuer,
                                      const std::string& valid_from);
// Every key is published, the retired ones too, so that what they signed still verifies.
nlohmann::json did_document(const Issuer& issuer, const services::IssuerKeys& keys);

// Reading them back, offline (`diplomado verify`), from documents nobody vouches for yet: nothing
// is assumed of their shape, and a member missing or of another type gives nothing.
// The public key (multibase) a DID document publishes for this verification method.
std::optional<std::string> published_key(const nlohmann::json& did_document, std::string_view verification_method);
// Whether a BitstringStatusListCredential sets bit `index`; nothing if the list cannot be read
// (not "u" + base64url, not GZIP, or shorter than the index).
std::optional<bool> status_list_bit(const nlohmann::json& list_credential, std::uint64_t index);

}  // namespace diplomado::documents
