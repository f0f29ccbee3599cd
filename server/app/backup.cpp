#include "app/backup.hpp"

#include <sodium.h>

#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "domain/time.hpp"
#include "services/crypto.hpp"
#include "storage/backup.hpp"
#include "storage/directory_file_store.hpp"

namespace diplomado::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view magic = "DPLMBK01";
constexpr std::size_t message_bytes = 64 * 1024;
constexpr int format_version = 1;
const std::array<const char*, 2> key_files{"issuer-key", "issuer-key.retired"};

Error failure(const char* code, const char* key, std::string value = "", ErrorCode kind = ErrorCode::invalid_input) {
  Error error = make_error(kind, key);
  // The value, when there is one, names what the message is about (a file, a key, the database).
  if (!value.empty()) error.details.push_back(FieldError{"backup", std::nullopt, code, "error.backup.concerns", std::move(value)});
  return error;
}
Error unreadable() { return failure("unreadable", "error.backup.unreadable"); }
Error write_failed(const fs::path& path) { return failure("write_failed", "error.backup.write_failed", path.string()); }

template <class T>
void put_le(std::string& out, T value) {
  for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((static_cast<std::uint64_t>(value) >> (8 * i)) & 0xff));
}
template <class T>
T get_le(std::string_view in) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return static_cast<T>(value);
}

// The key from the passphrase (Argon2id, libsodium's "moderate" limits: 256 MiB, about a second).
std::optional<std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>> derive_key(std::string_view passphrase, const unsigned char* salt,
                                                                                                   unsigned long long ops, std::size_t memory) {
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, ops, memory, crypto_pwhash_ALG_ARGON2ID13) != 0) return std::nullopt;
  return key;
}

// The encrypted stream, written message by message.
class SealedWriter {
 public:
  SealedWriter(std::ofstream& out, const unsigned char* key) : m_out(out) {
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, header.data(), key);
    m_out.write(reinterpret_cast<const char*>(header.data()), header.size());
  }
  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto room = std::min(message_bytes - m_plain.size(), bytes.size());
      m_plain.append(bytes.substr(0, room));
      bytes.remove_prefix(room);
      if (m_plain.size() == message_bytes) seal(0);
    }
  }
  void finish() { seal(crypto_secretstream_xchacha20poly1305_TAG_FINAL); }

 private:
  void seal(unsigned char tag) {
    std::string sealed(m_plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
    unsigned long long length = 0;
    crypto_secretstream_xchacha20poly1305_push(&m_state, reinterpret_cast<unsigned char*>(sealed.data()), &length,
                                               reinterpret_cast<const unsigned char*>(m_plain.data()), m_plain.size(), nullptr, 0, tag);
    std::string prefix;
    put_le<std::uint32_t>(prefix, static_cast<std::uint32_t>(length));
    m_out.write(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    m_out.write(sealed.data(), static_cast<std::streamsize>(length));
    m_plain.clear();
  }

  std::ofstream& m_out;
  crypto_secretstream_xchacha20poly1305_state m_state{};
  std::string m_plain;
};

// The stream read back: every message authenticated, the last one FINAL and nothing after it.
class SealedReader {
 public:
  SealedReader(std::ifstream& in, const unsigned char* key) : m_in(in) {
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
    m_in.read(reinterpret_cast<char*>(header.data()), header.size());
    m_ok = m_in.gcount() == static_cast<std::streamsize>(header.size()) &&
           crypto_secretstream_xchacha20poly1305_init_pull(&m_state, header.data(), key) == 0;
  }
  // Exactly `count` bytes, or false (damaged, cut off, or a wrong key).
  bool read(std::size_t count, std::string& out) {
    out.clear();
    while (out.size() < count) {
      if (m_offset == m_plain.size() && !next()) return false;
      const auto take = std::min(count - out.size(), m_plain.size() - m_offset);
      out.append(m_plain, m_offset, take);
      m_offset += take;
    }
    return true;
  }
  // Whether the FINAL message has been read whole and nothing follows it.
  bool at_end() { return m_final && m_offset == m_plain.size() && m_in.peek() == std::char_traits<char>::eof(); }

 private:
  bool next() {
    if (!m_ok || m_final) return false;
    std::string prefix(4, '\0');
    m_in.read(prefix.data(), 4);
    if (m_in.gcount() != 4) return m_ok = false;
    const auto length = get_le<std::uint32_t>(prefix);
    if (length < crypto_secretstream_xchacha20poly1305_ABYTES || length > message_bytes + crypto_secretstream_xchacha20poly1305_ABYTES) return m_ok = false;
    std::string sealed(length, '\0');
    m_in.read(sealed.data(), length);
    if (m_in.gcount() != static_cast<std::streamsize>(length)) return m_ok = false;
    m_plain.assign(length - crypto_secretstream_xchacha20poly1305_ABYTES, '\0');
    unsigned long long plain_length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state, reinterpret_cast<unsigned char*>(m_plain.data()), &plain_length, &tag,
                                                   reinterpret_cast<const unsigned char*>(sealed.data()), length, nullptr, 0) != 0)
      return m_ok = false;
    m_plain.resize(plain_length);
    m_offset = 0;
    m_final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    return true;
  }

  std::ifstream& m_in;
  crypto_secretstream_xchacha20poly1305_state m_state{};
  std::string m_plain;
  std::size_t m_offset = 0;
  bool m_ok = false;
  bool m_final = false;
};

// One record: 'F', the name's length (2 bytes) and the name, the size (8 bytes), the bytes.
bool write_record(SealedWriter& writer, const std::string& name, const fs::path& source) {
  std::ifstream in(source, std::ios::binary);
  if (!in) return false;
  std::error_code error;
  const auto size = fs::file_size(source, error);
  if (error) return false;
  std::string head = "F";
  put_le<std::uint16_t>(head, static_cast<std::uint16_t>(name.size()));
  head += name;
  put_le<std::uint64_t>(head, size);
  writer.write(head);
  std::string buffer(message_bytes, '\0');
  std::uint64_t left = size;
  while (left > 0) {
    in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(left, buffer.size())));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) return false;
    writer.write(std::string_view(buffer.data(), got));
    left -= got;
  }
  return true;
}

// A directory removed (with what is in it) on every path out.
struct Staging {
  fs::path path;
  ~Staging() {
    std::error_code ignored;
    if (!path.empty()) fs::remove_all(path, ignored);
  }
};

}  // namespace

Result<BackupSummary> write_backup(const BackupPlaces& places, const fs::path& to, std::string_view passphrase) {
  if (passphrase.size() < minimum_passphrase_length)
    return std::unexpected(failure("too_short", "error.backup.passphrase_short"));
  auto dialect = storage::dialect_of(places.database_url);
  if (!dialect) return std::unexpected(dialect.error());
  Staging staging{fs::path(places.data_directory) / (".backup-" + services::random_hex(8))};
  std::error_code error;
  fs::create_directories(staging.path, error);
  if (error) return std::unexpected(write_failed(staging.path));

  // The database first, as of one moment; then the files (a file is never changed once kept).
  const fs::path database_copy = staging.path / "database";
  auto version = storage::copy_database(places.database_url, database_copy);
  if (!version) return std::unexpected(version.error());

  BackupSummary summary;
  summary.dialect = *dialect == storage::Dialect::sqlite ? "sqlite" : "postgres";
  summary.schema_version = *version;
  const fs::path partial = to.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return std::unexpected(write_failed(to));
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    randombytes_buf(salt.data(), salt.size());
    const unsigned long long ops = crypto_pwhash_OPSLIMIT_MODERATE;
    const std::size_t memory = crypto_pwhash_MEMLIMIT_MODERATE;
    auto key = derive_key(passphrase, salt.data(), ops, memory);
    if (!key) return std::unexpected(write_failed(to));
    std::string header(magic);
    header.append(reinterpret_cast<const char*>(salt.data()), salt.size());
    put_le<std::uint64_t>(header, ops);
    put_le<std::uint64_t>(header, memory);
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    SealedWriter writer(out, key->data());
    sodium_memzero(key->data(), key->size());

    const fs::path manifest = staging.path / "manifest";
    std::ofstream(manifest) << "format=" << format_version << "\ndialect=" << summary.dialect << "\nschema_version=" << summary.schema_version
                            << "\ncreated_at=" << format_iso8601(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())) << "\nversion=" << DIPLOMADO_VERSION << '\n';
    bool written = write_record(writer, "manifest", manifest) && write_record(writer, "database", database_copy);
    for (const char* name : key_files)
      if (fs::exists(fs::path(places.data_directory) / name)) written = written && write_record(writer, std::string("keys/") + name, fs::path(places.data_directory) / name);
    const fs::path objects = fs::path(places.files_directory) / "objects";
    // Stepped with error codes: a file removed while the backup runs (an import committed
    // meanwhile) is simply not in it, and never stops the walk with an exception.
    for (fs::recursive_directory_iterator entry(objects, error), end; !error && entry != end; entry.increment(error)) {
      std::error_code kind;
      if (!entry->is_regular_file(kind)) continue;
      if (write_record(writer, "files/" + entry->path().filename().string(), entry->path())) ++summary.files;
    }
    error.clear();
    if (!written) return std::unexpected(write_failed(to));
    writer.write("E");
    writer.finish();
    out.flush();
    if (!out) return std::unexpected(write_failed(to));
  }
  fs::rename(partial, to, error);
  if (error) return std::unexpected(write_failed(to));
  summary.bytes = fs::file_size(to, error);
  return summary;
}

Result<BackupSummary> restore_backup(const BackupPlaces& places, const fs::path& from, std::string_view passphrase) {
  auto dialect = storage::dialect_of(places.database_url);
  if (!dialect) return std::unexpected(dialect.error());
  std::ifstream in(from, std::ios::binary);
  if (!in) return std::unexpected(failure("not_found", "error.backup.not_found", from.string()));
  std::string header(magic.size() + crypto_pwhash_SALTBYTES + 16, '\0');
  in.read(header.data(), static_cast<std::streamsize>(header.size()));
  if (in.gcount() != static_cast<std::streamsize>(header.size()) || !std::string_view(header).starts_with(magic))
    return std::unexpected(failure("not_a_backup", "error.backup.not_a_backup", from.string()));
  const auto* salt = reinterpret_cast<const unsigned char*>(header.data() + magic.size());
  const auto ops = get_le<std::uint64_t>(std::string_view(header).substr(magic.size() + crypto_pwhash_SALTBYTES));
  const auto memory = get_le<std::uint64_t>(std::string_view(header).substr(magic.size() + crypto_pwhash_SALTBYTES + 8));
  // A file may not make this process spend more than libsodium's "sensitive" limits (1 GiB).
  if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE || memory < crypto_pwhash_MEMLIMIT_MIN || memory > crypto_pwhash_MEMLIMIT_SENSITIVE)
    return std::unexpected(unreadable());
  auto key = derive_key(passphrase, salt, ops, static_cast<std::size_t>(memory));
  if (!key) return std::unexpected(unreadable());
  SealedReader reader(in, key->data());
  sodium_memzero(key->data(), key->size());

  // Everything is read and authenticated into a staging directory before anything is put in place.
  std::error_code error;
  fs::create_directories(places.data_directory, error);
  Staging staging{fs::path(places.data_directory) / (".restore-" + services::random_hex(8))};
  fs::create_directories(staging.path / "files", error);
  fs::create_directories(staging.path / "keys", error);
  if (error) return std::unexpected(write_failed(staging.path));
  std::map<std::string, std::string> manifest;
  std::vector<std::string> files, keys;
  bool database = false;
  std::string chunk;
  for (;;) {
    if (!reader.read(1, chunk)) return std::unexpected(unreadable());
    if (chunk == "E") break;
    if (chunk != "F" || !reader.read(2, chunk)) return std::unexpected(unreadable());
    const auto name_length = get_le<std::uint16_t>(chunk);
    std::string name;
    if (!reader.read(name_length, name) || !reader.read(8, chunk)) return std::unexpected(unreadable());
    std::uint64_t left = get_le<std::uint64_t>(chunk);
    fs::path target;
    if (name == "manifest" || name == "database") target = staging.path / name;
    else if (name.starts_with("keys/") && (name == "keys/issuer-key" || name == "keys/issuer-key.retired")) target = staging.path / name;
    else if (name.starts_with("files/") && name.size() == 6 + 64 && name.find_first_not_of("0123456789abcdef", 6) == std::string::npos) target = staging.path / name;
    else return std::unexpected(unreadable());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    while (left > 0) {
      if (!reader.read(static_cast<std::size_t>(std::min<std::uint64_t>(left, message_bytes)), chunk)) return std::unexpected(unreadable());
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      left -= chunk.size();
    }
    out.close();
    if (!out) return std::unexpected(write_failed(target));
    if (name == "database") database = true;
    else if (name.starts_with("keys/")) keys.push_back(name.substr(5));
    else if (name.starts_with("files/")) {
      // A file's name is its digest: a file changed in any way is caught here too.
      const auto digest = storage::digest_of_file(target);
      if (!digest || digest->sha256 != name.substr(6)) return std::unexpected(unreadable());
      files.push_back(name.substr(6));
    }
  }
  if (!reader.at_end() || !database) return std::unexpected(unreadable());
  {
    std::ifstream lines(staging.path / "manifest");
    std::string line;
    while (std::getline(lines, line))
      if (const auto equals = line.find('='); equals != std::string::npos) manifest[line.substr(0, equals)] = line.substr(equals + 1);
  }
  const std::string dialect_name = *dialect == storage::Dialect::sqlite ? "sqlite" : "postgres";
  if (manifest["format"] != std::to_string(format_version)) return std::unexpected(unreadable());
  if (manifest["dialect"] != dialect_name) return std::unexpected(failure("dialect", "error.backup.dialect", manifest["dialect"], ErrorCode::conflict));
  BackupSummary summary{dialect_name, std::atoi(manifest["schema_version"].c_str()), files.size(), fs::file_size(from, error)};
  if (summary.schema_version > storage::latest_schema_version(*dialect))
    return std::unexpected(make_error(ErrorCode::conflict, "error.database.newer_schema"));

  // Only into a place with nothing of its own: an empty database and a data directory without keys.
  auto empty = storage::database_is_empty(places.database_url);
  if (!empty) return std::unexpected(empty.error());
  if (!*empty) return std::unexpected(failure("not_empty", "error.backup.not_empty", "database", ErrorCode::conflict));
  for (const char* name : key_files)
    if (fs::exists(fs::path(places.data_directory) / name)) return std::unexpected(failure("not_empty", "error.backup.not_empty", name, ErrorCode::conflict));

  // Files and keys first (renames), the database last; if it fails, they are taken away again.
  auto store = storage::open_directory_file_store(places.files_directory);
  if (!store) return std::unexpected(store.error());
  std::vector<std::string> placed_files;
  std::vector<fs::path> placed_keys;
  const auto undo = [&] {
    for (const auto& digest : placed_files) (*store)->remove(digest);
    for (const auto& path : placed_keys) fs::remove(path, error);
  };
  for (const auto& digest : files) {
    const bool existed = (*store)->find(digest).has_value();
    if (auto kept = (*store)->keep(staging.path / "files" / digest); !kept) {
      undo();
      return std::unexpected(kept.error());
    }
    if (!existed) placed_files.push_back(digest);
  }
  for (const auto& name : keys) {
    const fs::path target = fs::path(places.data_directory) / name;
    fs::rename(staging.path / "keys" / name, target, error);
    if (error) {
      undo();
      return std::unexpected(write_failed(target));
    }
    placed_keys.push_back(target);
  }
  if (auto restored = storage::restore_database(places.database_url, staging.path / "database"); !restored) {
    undo();
    return std::unexpected(restored.error());
  }
  return summary;
}

}  // namespace diplomado::app
