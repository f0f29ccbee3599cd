#include "services/credential_proof.hpp"

#include <sodium.h>

#include <stdexcept>
#include <vector>

#include "domain/base58.hpp"
#include "json/jcs.hpp"

namespace diplomado::services {
namespace {

constexpr std::uint8_t ed25519_public_prefix[] = {0xed, 0x01};
constexpr std::uint8_t ed25519_secret_prefix[] = {0x80, 0x26};

std::optional<std::vector<std::uint8_t>> multibase_bytes(std::string_view multibase, const std::uint8_t (&prefix)[2], std::size_t length) {
  if (multibase.size() < 2 || multibase.front() != 'z') return std::nullopt;
  auto bytes = base58_decode(multibase.substr(1));
  if (!bytes || bytes->size() != length + 2 || (*bytes)[0] != prefix[0] || (*bytes)[1] != prefix[1]) return std::nullopt;
  return std::vector<std::uint8_t>(bytes->begin() + 2, bytes->end());
}

std::string multibase_of(const std::uint8_t (&prefix)[2], const std::uint8_t* data, std::size_t length) {
  std::vector<std::uint8_t> bytes(length + 2);
  bytes[0] = prefix[0];
  bytes[1] = prefix[1];
  for (std::size_t i = 0; i < length; ++i) bytes[i + 2] = data[i];
  return "z" + base58_encode(bytes);
}

std::array<std::uint8_t, 32> sha256(const std::string& text) {
  std::array<std::uint8_t, 32> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return digest;
}

std::array<std::uint8_t, 64> signed_bytes(const ProofBytes& bytes) {
  std::array<std::uint8_t, 64> data{};
  std::copy(bytes.proof_hash.begin(), bytes.proof_hash.end(), data.begin());
  std::copy(bytes.document_hash.begin(), bytes.document_hash.end(), data.begin() + 32);
  return data;
}

}  // namespace

std::optional<SigningKey> signing_key_from_multibase(std::string_view secret_multibase) {
  const auto seed = multibase_bytes(secret_multibase, ed25519_secret_prefix, crypto_sign_SEEDBYTES);
  if (!seed) return std::nullopt;
  SigningKey key;
  crypto_sign_seed_keypair(key.public_key.data(), key.secret_key.data(), seed->data());
  return key;
}

SigningKey generate_signing_key() {
  SigningKey key;
  crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
  return key;
}

std::string public_key_multibase(const PublicKey& key) { return multibase_of(ed25519_public_prefix, key.data(), key.size()); }

std::string secret_key_multibase(const SigningKey& key) { return multibase_of(ed25519_secret_prefix, key.secret_key.data(), crypto_sign_SEEDBYTES); }

std::optional<PublicKey> public_key_from_multibase(std::string_view multibase) {
  const auto bytes = multibase_bytes(multibase, ed25519_public_prefix, 32);
  if (!bytes) return std::nullopt;
  PublicKey key{};
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

ProofBytes proof_bytes(const nlohmann::json& unsecured, const nlohmann::json& proof_config) {
  ProofBytes bytes{canonical_json(unsecured), canonical_json(proof_config), {}, {}};
  bytes.document_hash = sha256(bytes.canonical_document);
  bytes.proof_hash = sha256(bytes.canonical_proof_config);
  return bytes;
}

nlohmann::json add_proof(const nlohmann::json& unsecured, const ProofOptions& options, const SigningKey& key) {
  nlohmann::json config{{"type", "DataIntegrityProof"},
                        {"cryptosuite", "eddsa-jcs-2022"},
                        {"created", options.created},
                        {"verificationMethod", options.verification_method},
                        {"proofPurpose", options.proof_purpose}};
  if (unsecured.contains("@context")) config["@context"] = unsecured.at("@context");
  const auto data = signed_bytes(proof_bytes(unsecured, config));
  std::array<std::uint8_t, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, data.data(), data.size(), key.secret_key.data());
  auto proof = config;
  proof["proofValue"] = "z" + base58_encode({signature.begin(), signature.end()});
  auto secured = unsecured;
  secured["proof"] = std::move(proof);
  return secured;
}

std::string_view to_string(ProofProblem problem) {
  switch (problem) {
    case ProofProblem::none: return "none";
    case ProofProblem::no_proof: return "no_proof";
    case ProofProblem::not_data_integrity: return "not_data_integrity";
    case ProofProblem::unknown_cryptosuite: return "unknown_cryptosuite";
    case ProofProblem::malformed_proof_value: return "malformed_proof_value";
    case ProofProblem::context_mismatch: return "context_mismatch";
    case ProofProblem::unknown_key: return "unknown_key";
    case ProofProblem::not_canonical: return "not_canonical";
    case ProofProblem::bad_signature: return "bad_signature";
  }
  return "bad_signature";
}

// §3.3.2 (verify proof): every check names its own problem; nothing here throws on any input.
ProofProblem verify_proof(const nlohmann::json& secured, const KeyResolver& resolve) {
  if (!secured.is_object() || !secured.contains("proof") || !secured.at("proof").is_object()) return ProofProblem::no_proof;
  const auto& proof = secured.at("proof");
  const auto text = [&](const char* name) -> std::string {
    const auto found = proof.find(name);
    return found != proof.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  if (text("type") != "DataIntegrityProof") return ProofProblem::not_data_integrity;
  if (text("cryptosuite") != "eddsa-jcs-2022") return ProofProblem::unknown_cryptosuite;
  const auto value = text("proofValue");
  if (value.size() < 2 || value.front() != 'z') return ProofProblem::malformed_proof_value;
  const auto signature = base58_decode(std::string_view(value).substr(1));
  if (!signature || signature->size() != crypto_sign_BYTES) return ProofProblem::malformed_proof_value;

  auto unsecured = secured;
  unsecured.erase("proof");
  auto config = proof;
  config.erase("proofValue");
  // The proof's @context, when given, must be the document's (§3.3.2 step 4).
  if (config.contains("@context") && (!unsecured.contains("@context") || config.at("@context") != unsecured.at("@context")))
    return ProofProblem::context_mismatch;

  const auto method = text("verificationMethod");
  std::optional<PublicKey> key;
  if (method.starts_with("did:key:")) {
    const auto fragment = method.find('#');
    key = public_key_from_multibase(std::string_view(method).substr(8, fragment == std::string::npos ? std::string::npos : fragment - 8));
  } else if (resolve) {
    key = resolve(method);
  }
  if (!key) return ProofProblem::unknown_key;
  // A number JCS cannot write (infinity, NaN: only from a document built in code) makes it unverifiable.
  std::array<std::uint8_t, 64> data{};
  try {
    data = signed_bytes(proof_bytes(unsecured, config));
  } catch (const std::domain_error&) {
    return ProofProblem::not_canonical;
  }
  if (crypto_sign_verify_detached(signature->data(), data.data(), data.size(), key->data()) != 0) return ProofProblem::bad_signature;
  return ProofProblem::none;
}

}  // namespace diplomado::services
