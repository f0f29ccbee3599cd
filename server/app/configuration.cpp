#include "app/configuration.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace diplomado::app {

Result<void> prepare_data_directory(const std::string& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  const auto probe = std::filesystem::path(directory) / ".write-test";
  {
    std::ofstream out(probe);
    if (!error && out && (out << "ok") && out.flush()) {
      out.close();
      std::filesystem::remove(probe, error);
      return {};
    }
  }
  return std::unexpected(field_error("data", "not_writable", "error.data_dir", directory));
}

std::string database_url(const std::string& data_directory, const std::string& explicit_url) {
  if (!explicit_url.empty()) return explicit_url;
  return "sqlite://" + (std::filesystem::absolute(data_directory) / "diplomado.db").string();
}

std::string files_directory(const std::string& data_directory, const std::string& explicit_directory) {
  if (!explicit_directory.empty()) return std::filesystem::absolute(explicit_directory).string();
  return (std::filesystem::absolute(data_directory) / "files").string();
}

namespace {

Error key_error(const char* code, const char* key, const std::filesystem::path& path) { return field_error("issuer-key", code, key, path.string()); }

// Writes the secret into a new file made with owner-only permissions, then moves it into place.
Result<void> write_secret(const std::filesystem::path& path, const services::SigningKey& key) {
  const auto temporary = path.string() + ".new";
  std::filesystem::remove(temporary);
  const int descriptor = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) return std::unexpected(key_error("unwritable", "error.issuer_key.unwritable", path));
  const auto text = services::secret_key_multibase(key) + "\n";
  const bool written = ::write(descriptor, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(descriptor) == 0;
  ::close(descriptor);
  std::error_code failure;
  if (written) std::filesystem::rename(temporary, path, failure);
  if (!written || failure) return std::unexpected(key_error("unwritable", "error.issuer_key.unwritable", path));
  return {};
}

Result<std::vector<std::pair<std::string, services::PublicKey>>> read_retired(const std::filesystem::path& path) {
  std::vector<std::pair<std::string, services::PublicKey>> retired;
  std::ifstream in(path);
  std::string id, multibase;
  while (in >> id >> multibase) {
    const auto key = services::public_key_from_multibase(multibase);
    if (!key) return std::unexpected(key_error("unreadable", "error.issuer_key.unreadable", path));
    retired.emplace_back(id, *key);
  }
  return retired;
}

}  // namespace

Result<services::IssuerKeys> load_or_create_issuer_keys(const std::string& data_directory) {
  const auto directory = std::filesystem::path(data_directory);
  const auto path = directory / "issuer-key";
  services::IssuerKeys keys;
  auto retired = read_retired(directory / "issuer-key.retired");
  if (!retired) return std::unexpected(retired.error());
  keys.retired = std::move(*retired);
  keys.current_id = "key-" + std::to_string(keys.retired.size() + 1);
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    const auto key = services::signing_key_from_multibase(text);
    if (!key) return std::unexpected(key_error("unreadable", "error.issuer_key.unreadable", path));
    keys.current = *key;
    return keys;
  }
  keys.current = services::generate_signing_key();
  if (auto written = write_secret(path, keys.current); !written) return std::unexpected(written.error());
  return keys;
}

Result<services::IssuerKeys> rotate_issuer_key(const std::string& data_directory) {
  auto keys = load_or_create_issuer_keys(data_directory);
  if (!keys) return keys;
  const auto directory = std::filesystem::path(data_directory);
  // The old public key is published first: a crash between the two steps loses no key that signed.
  {
    std::ofstream retired(directory / "issuer-key.retired", std::ios::app);
    retired << keys->current_id << ' ' << services::public_key_multibase(keys->current.public_key) << '\n';
    if (!retired.flush()) return std::unexpected(key_error("unwritable", "error.issuer_key.unwritable", directory / "issuer-key.retired"));
  }
  keys->retired.emplace_back(keys->current_id, keys->current.public_key);
  keys->current = services::generate_signing_key();
  keys->current_id = "key-" + std::to_string(keys->retired.size() + 1);
  if (auto written = write_secret(directory / "issuer-key", keys->current); !written) return std::unexpected(written.error());
  return keys;
}

}  // namespace diplomado::app
