#pragma once
// Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C "Data Integrity EdDSA
// Cryptosuites v1.0", §3.3), the signature of an Open Badges 3.0 credential (issue 13):
//   proofConfig = the proof options with the document's @context, without proofValue;
//   signed bytes = SHA-256(JCS(proofConfig)) || SHA-256(JCS(document without proof));
//   proofValue   = "z" + base58btc(Ed25519 signature).
// Keys are Multikey values: "z" + base58btc(0xed 0x01 + 32-byte public key) and
// "z" + base58btc(0x80 0x26 + 32-byte seed).
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace diplomado::services {

using PublicKey = std::array<std::uint8_t, 32>;

struct SigningKey {
  PublicKey public_key{};
  std::array<std::uint8_t, 64> secret_key{};  // libsodium's: seed followed by the public key
};

std::optional<SigningKey> signing_key_from_multibase(std::string_view secret_multibase);
SigningKey generate_signing_key();
std::string public_key_multibase(const PublicKey& key);
std::string secret_key_multibase(const SigningKey& key);
std::optional<PublicKey> public_key_from_multibase(std::string_view multibase);

// The installation's issuer keys: the one that signs now and the retired ones, whose public keys
// stay published so that credentials they signed still verify ("key-1", "key-2", ...).
struct IssuerKeys {
  SigningKey current;
  std::string current_id = "key-1";
  std::vector<std::pair<std::string, PublicKey>> retired;
};

struct ProofOptions {
  std::string verification_method;  // e.g. "did:web:example.org#key-1"
  std::string created;              // XML Schema dateTime, UTC
  std::string proof_purpose = "assertionMethod";
};

// The document with its "proof" added. The document must have no proof already.
nlohmann::json add_proof(const nlohmann::json& unsecured, const ProofOptions& options, const SigningKey& key);

// The hashes and signature of one proof, for tests that compare them with the W3C vectors.
struct ProofBytes {
  std::string canonical_document;
  std::string canonical_proof_config;
  std::array<std::uint8_t, 32> document_hash{};
  std::array<std::uint8_t, 32> proof_hash{};
};
ProofBytes proof_bytes(const nlohmann::json& unsecured, const nlohmann::json& proof_config);

// Why a proof does not verify: each its own message key (credential.problem.<name>).
enum class ProofProblem {
  none, no_proof, not_data_integrity, unknown_cryptosuite, malformed_proof_value, context_mismatch, unknown_key, not_canonical, bad_signature
};
std::string_view to_string(ProofProblem problem);

// Finds the public key of a verification method ("did:key:..." is read from itself; anything
// else is asked of `resolve`, which may know the issuer's keys, old ones included).
using KeyResolver = std::function<std::optional<PublicKey>(std::string_view verification_method)>;
ProofProblem verify_proof(const nlohmann::json& secured, const KeyResolver& resolve = {});

}  // namespace diplomado::services
