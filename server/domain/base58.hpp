#pragma once
// Base58 with the Bitcoin alphabet ("base58btc"), as multibase writes it after a "z": the form of
// Ed25519 keys and signatures in Data Integrity proofs (issue 13). Pure and small inputs only
// (keys and signatures: tens of bytes).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplomado {

std::string base58_encode(const std::vector<std::uint8_t>& bytes);
// Empty when a character is outside the alphabet.
std::optional<std::vector<std::uint8_t>> base58_decode(std::string_view text);

}  // namespace diplomado
