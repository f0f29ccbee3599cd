#include "documents/credential.hpp"

#include <gtest/gtest.h>

namespace diplomado::documents {
namespace {

// The status list written by the server and read back by `diplomado verify`: big-endian bits,
// bit i for certificate version i.
TEST(StatusList, BitsReadBackAsWritten) {
  const auto issuer = issuer_for("https://diplomado.example");
  const auto list = status_list_credential({3, 9, 131071}, 131071, issuer, "2023-10-11T00:00:00Z");
  for (const std::uint64_t set : {3u, 9u, 131071u}) EXPECT_EQ(status_list_bit(list, set), true) << set;
  for (const std::uint64_t clear : {0u, 2u, 4u, 8u, 10u, 131070u}) EXPECT_EQ(status_list_bit(list, clear), false) << clear;
  EXPECT_EQ(status_list_bit(list, 131072), std::nullopt) << "past the end";
}

TEST(StatusList, AnythingElseReadsAsNothing) {
  EXPECT_EQ(status_list_bit(nlohmann::json::array(), 0), std::nullopt);
  EXPECT_EQ(status_list_bit({{"credentialSubject", {{"encodedList", 7}}}}, 0), std::nullopt);
  EXPECT_EQ(status_list_bit({{"credentialSubject", {{"encodedList", "zABC"}}}}, 0), std::nullopt) << "not base64url multibase";
  EXPECT_EQ(status_list_bit({{"credentialSubject", {{"encodedList", "uAAAA"}}}}, 0), std::nullopt) << "not GZIP";
  EXPECT_EQ(status_list_bit({{"credentialSubject", "x"}}, 0), std::nullopt);
}

TEST(DidDocument, PublishedKeyByMethod) {
  const nlohmann::json did = {{"verificationMethod", {{{"id", "did:web:x#key-2"}, {"publicKeyMultibase", "z6MkNew"}},
                                                      {{"id", "did:web:x#key-1"}, {"publicKeyMultibase", "z6MkOld"}}}}};
  EXPECT_EQ(published_key(did, "did:web:x#key-1"), "z6MkOld");
  EXPECT_EQ(published_key(did, "did:web:x#key-3"), std::nullopt);
  EXPECT_EQ(published_key({{"verificationMethod", "no"}}, "did:web:x#key-1"), std::nullopt);
  EXPECT_EQ(published_key({{"verificationMethod", {{{"id", 1}}}}}, "did:web:x#key-1"), std::nullopt);
}

}  // namespace
}  // namespace diplomado::documents
