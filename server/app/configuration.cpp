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

Result<services::SigningKey> load_or_create_issuer_key(const std::string& data_directory) {
  const auto path = std::filesystem::path(data_directory) / "issuer-key";
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::string text;
    std::getline(in, text);
    if (auto key = services::signing_key_from_multibase(text)) return *key;
    return std::unexpected(field_error("issuer-key", "unreadable", "error.issuer_key.unreadable", path.string()));
  }
  const auto key = services::generate_signing_key();
  // Created with owner-only permissions before the secret is written into it.
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (descriptor < 0) return std::unexpected(field_error("issuer-key", "unwritable", "error.issuer_key.unwritable", path.string()));
  const auto text = services::secret_key_multibase(key) + "\n";
  const bool written = ::write(descriptor, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(descriptor);
  if (!written) return std::unexpected(field_error("issuer-key", "unwritable", "error.issuer_key.unwritable", path.string()));
  return key;
}

}  // namespace diplomado::app
