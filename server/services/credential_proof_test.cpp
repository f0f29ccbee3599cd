#include "services/credential_proof.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>

#include "services/crypto.hpp"

namespace diplomado::services {
namespace {

// The W3C test vectors of eddsa-jcs-2022, copied into tests/fixtures/vectors (see its README).
std::string vector_text(const std::string& name) {
  std::ifstream file(std::string(DIPLOMADO_FIXTURES_DIR) + "/vectors/eddsa-jcs-2022/" + name, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  auto content = text.str();
  while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
  return content;
}
nlohmann::json vector_json(const std::string& name) { return nlohmann::json::parse(vector_text(name)); }

std::string hex(const std::array<std::uint8_t, 32>& bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (const auto byte : bytes) out += {digits[byte >> 4], digits[byte & 0xf]};
  return out;
}

class CredentialProof : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(initialise_crypto()); }
};

TEST_F(CredentialProof, TheKeyPairIsReadFromItsMultikeyForm) {
  const auto pair = vector_json("keyPair.json");
  const auto key = signing_key_from_multibase(pair.at("privateKeyMultibase").get<std::string>());
  ASSERT_TRUE(key);
  EXPECT_EQ(public_key_multibase(key->public_key), pair.at("publicKeyMultibase").get<std::string>());
  EXPECT_EQ(secret_key_multibase(*key), pair.at("privateKeyMultibase").get<std::string>());
  EXPECT_EQ(public_key_from_multibase(pair.at("publicKeyMultibase").get<std::string>()), key->public_key);
  EXPECT_FALSE(signing_key_from_multibase(pair.at("publicKeyMultibase").get<std::string>())) << "a public key is not a secret key";
  EXPECT_FALSE(public_key_from_multibase("z0OIl"));
}

TEST_F(CredentialProof, TheCanonicalFormsAndHashesAreTheVectorsByteForByte) {
  const auto bytes = proof_bytes(vector_json("unsigned.json"), vector_json("proofConfigJCS.json"));
  EXPECT_EQ(bytes.canonical_document, vector_text("canonDocJCS.txt"));
  EXPECT_EQ(bytes.canonical_proof_config, vector_text("proofCanonJCS.txt"));
  EXPECT_EQ(hex(bytes.document_hash), vector_text("docHashJCS.txt"));
  EXPECT_EQ(hex(bytes.proof_hash), vector_text("proofHashJCS.txt"));
  EXPECT_EQ(hex(bytes.proof_hash) + hex(bytes.document_hash), vector_text("combinedHashJCS.txt"));
}

TEST_F(CredentialProof, TheSignerReproducesTheSignedVectorAndTheVerifierAcceptsIt) {
  const auto key = signing_key_from_multibase(vector_json("keyPair.json").at("privateKeyMultibase").get<std::string>());
  ASSERT_TRUE(key);
  const auto config = vector_json("proofConfigJCS.json");
  const ProofOptions options{config.at("verificationMethod").get<std::string>(), config.at("created").get<std::string>(), "assertionMethod"};
  const auto signed_document = add_proof(vector_json("unsigned.json"), options, *key);
  EXPECT_EQ(signed_document.at("proof").at("proofValue").get<std::string>(), vector_text("sigBTC58JCS.txt"));
  EXPECT_EQ(signed_document, vector_json("signedJCS.json"));
  EXPECT_EQ(verify_proof(vector_json("signedJCS.json")), ProofProblem::none);
}

// Tampering of every kind fails with its own reason, and nothing throws.
TEST_F(CredentialProof, TamperedProofsFailWithTheirReason) {
  const auto good = vector_json("signedJCS.json");
  auto changed = good;
  changed["credentialSubject"]["alumniOf"] = "The School of Exampies";
  EXPECT_EQ(verify_proof(changed), ProofProblem::bad_signature) << "one character changed";
  auto truncated = good;
  auto value = truncated["proof"]["proofValue"].get<std::string>();
  truncated["proof"]["proofValue"] = value.substr(0, value.size() - 5);
  EXPECT_EQ(verify_proof(truncated), ProofProblem::malformed_proof_value);
  auto garbled = good;
  garbled["proof"]["proofValue"] = "z0" + value.substr(2);
  EXPECT_EQ(verify_proof(garbled), ProofProblem::malformed_proof_value);
  auto suite = good;
  suite["proof"]["cryptosuite"] = "eddsa-rdfc-2022";
  EXPECT_EQ(verify_proof(suite), ProofProblem::unknown_cryptosuite);
  auto type = good;
  type["proof"]["type"] = "Ed25519Signature2020";
  EXPECT_EQ(verify_proof(type), ProofProblem::not_data_integrity);
  auto context = good;
  context["proof"]["@context"] = nlohmann::json::array({"https://www.w3.org/ns/credentials/v2"});
  EXPECT_EQ(verify_proof(context), ProofProblem::context_mismatch);
  auto bare = good;
  bare.erase("proof");
  EXPECT_EQ(verify_proof(bare), ProofProblem::no_proof);
  EXPECT_EQ(verify_proof(nlohmann::json::array()), ProofProblem::no_proof);
  auto infinite = good;
  infinite["credentialSubject"]["score"] = std::numeric_limits<double>::infinity();  // built in code: no JSON text reads as this
  EXPECT_EQ(verify_proof(infinite), ProofProblem::not_canonical);

  // The wrong key: another issuer's key named by a method the resolver answers for.
  const auto other = generate_signing_key();
  auto elsewhere = good;
  elsewhere["proof"]["verificationMethod"] = "did:web:issuer.example#key-1";
  EXPECT_EQ(verify_proof(elsewhere), ProofProblem::unknown_key) << "no resolver";
  EXPECT_EQ(verify_proof(elsewhere, [&](std::string_view) { return std::optional(other.public_key); }), ProofProblem::bad_signature);
}

TEST_F(CredentialProof, AProofMadeWithAnIssuersKeyVerifiesThroughItsResolver) {
  const auto key = generate_signing_key();
  const nlohmann::json credential{{"@context", {"https://www.w3.org/ns/credentials/v2"}}, {"name", "Diplomado en Gestión Integral de Fronteras"}, {"hours", 120.5}};
  const auto secured = add_proof(credential, {"did:web:diplomado.example#key-1", "2023-10-11T22:00:00Z", "assertionMethod"}, key);
  const auto resolve = [&](std::string_view method) { return method == "did:web:diplomado.example#key-1" ? std::optional(key.public_key) : std::nullopt; };
  EXPECT_EQ(verify_proof(secured, resolve), ProofProblem::none);
  EXPECT_EQ(secured.at("proof").at("@context"), credential.at("@context"));
}

}  // namespace
}  // namespace diplomado::services
