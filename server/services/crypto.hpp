#pragma once
// libsodium behind small names: argon2id password hashes, random tokens, token digests.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace diplomado::services {

// Must be called once before any other function here (app/main.cpp does).
bool initialise_crypto();

// An argon2id hash in the PHC string form, with libsodium's interactive limits.
std::optional<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Whether a stored hash is a password's: an account with none yet (a juror added by e-mail, a
// person not invited yet) keeps "!", which no password matches.
inline bool is_password_hash(std::string_view hash) { return hash.starts_with("$argon2"); }

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);

// `bytes` random bytes as lower-case hex (request ids).
std::string random_hex(std::size_t bytes);

// 64 random bits (serials).
std::uint64_t random_bits();

// A password for a person to type once: 20 characters from an alphabet without look-alikes.
std::string generate_password();

// SHA-256 of a token in hex: what the database keeps instead of the session token itself.
std::string token_digest(std::string_view token);

bool constant_time_equals(std::string_view left, std::string_view right);

// Standard base64, for binary content kept in text columns.
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);

}  // namespace diplomado::services
