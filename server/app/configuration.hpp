#pragma once
#include <string>

#include "domain/error.hpp"
#include "services/credential_proof.hpp"

namespace diplomado::app {

// Creates the data directory if needed and proves it can be written (a file is made and removed).
Result<void> prepare_data_directory(const std::string& directory);

// The issuer's Ed25519 keys, which sign the credentials: `issuer-key` in the data directory (the
// current secret as Multikey text, mode 0600), made on first use (`init` makes it), and
// `issuer-key.retired` (one "key-N z6Mk..." public key per line, oldest first).
Result<services::IssuerKeys> load_or_create_issuer_keys(const std::string& data_directory);
// Retires the current key (its public key stays published) and makes a new one; returns the keys now.
Result<services::IssuerKeys> rotate_issuer_key(const std::string& data_directory);

// --database wins; otherwise the embedded SQLite file in the data directory.
std::string database_url(const std::string& data_directory, const std::string& explicit_url);

// --files wins; otherwise `files` in the data directory. Servers that share a PostgreSQL database
// must share this directory too (docs/deploy.md).
std::string files_directory(const std::string& data_directory, const std::string& explicit_directory);

}  // namespace diplomado::app
