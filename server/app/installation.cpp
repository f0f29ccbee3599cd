#include "app/installation.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>

namespace diplomado::app {
namespace {

namespace fs = std::filesystem;

bool has(const fs::path& directory, const char* inside) {
  std::error_code error;
  return fs::exists(directory / inside, error);
}

}  // namespace

Installation find_installation() {
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) binary = fs::current_path(error) / "diplomado";
  const fs::path prefix = binary.parent_path().parent_path();
  Installation found;
  if (has(prefix / "share" / "diplomado", "data/demo")) {
    found.data_root = prefix / "share" / "diplomado" / "data";
    found.web_root = prefix / "share" / "diplomado" / "web";
    found.config_file = "/etc/diplomado/diplomado.conf";
  } else {
    found.data_root = prefix / "data";
    found.web_root = prefix / "web" / "dist";
  }
  if (const char* named = std::getenv("DIPLOMADO_CONFIG"); named && *named) found.config_file = named;
  return found;
}

Result<void> load_configuration(const fs::path& file) {
  if (file.empty()) return {};
  std::error_code error;
  const bool named = std::getenv("DIPLOMADO_CONFIG") != nullptr;
  if (!fs::exists(file, error)) {
    if (!named) return {};
    return std::unexpected(field_error("config", "not_found", "error.config.not_found", file.string()));
  }
  std::ifstream in(file);
  if (!in) return std::unexpected(field_error("config", "unreadable", "error.config.unreadable", file.string()));
  static const std::regex setting(R"(^\s*(DIPLOMADO_[A-Z0-9_]+)\s*=\s*(.*?)\s*$)");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    std::smatch match;
    if (!std::regex_match(line, match, setting)) {
      Error invalid = make_error(ErrorCode::invalid_input, "error.config.line");
      invalid.details.push_back(FieldError{file.string(), number, "invalid_line", "error.config.line", line});
      return std::unexpected(invalid);
    }
    std::string value = match[2];
    // A value may be quoted, as in a shell or systemd's EnvironmentFile.
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) value = value.substr(1, value.size() - 2);
    ::setenv(match[1].str().c_str(), value.c_str(), 0);
  }
  return {};
}

}  // namespace diplomado::app
