#pragma once
// `diplomado backup` and `diplomado restore` (issue 16): the database, the issuer's keys and the
// file store in one file, encrypted with a passphrase.
//
// The file: "DPLMBK01", an Argon2id salt and its limits, a libsodium secretstream header
// (XChaCha20-Poly1305), then the stream in messages of at most 64 KiB, each with its length; the
// last carries the FINAL tag, so a cut-off file is told from a whole one. Inside: records
// (manifest, database, keys/…, files/<sha-256>) and an end mark.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "domain/error.hpp"

namespace diplomado::app {

struct BackupPlaces {
  std::string data_directory;
  std::string database_url;
  std::string files_directory;
};

struct BackupSummary {
  std::string dialect;  // "sqlite" or "postgres"
  int schema_version = 0;
  std::size_t files = 0;
  std::uint64_t bytes = 0;  // of the backup file
};

// At least this long: a backup leaves the building, and its passphrase is all that guards it
// (error.backup.passphrase_short says the number).
inline constexpr std::size_t minimum_passphrase_length = 12;

// Writes the backup to `to` (to a temporary name first, renamed when whole) while servers keep
// running: the database is copied as of one moment (backup.hpp), then the keys and every file.
Result<BackupSummary> write_backup(const BackupPlaces& places, const std::filesystem::path& to, std::string_view passphrase);

// Restores into an empty database and a data directory without keys: the whole file is read and
// checked first (a wrong passphrase, a damaged or cut-off file is refused with nothing written),
// then the files and keys are put in place and the database restored; if that fails, what was put
// in place is taken away again.
Result<BackupSummary> restore_backup(const BackupPlaces& places, const std::filesystem::path& from, std::string_view passphrase);

}  // namespace diplomado::app
