#include "app/configuration.hpp"

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

}  // namespace diplomado::app
