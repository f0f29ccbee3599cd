#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace diplomado::http {
namespace {
std::string content_type_for(const std::filesystem::path& path) {
  const auto extension = path.extension().string();
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js") return "text/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".json") return "application/json";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".woff2") return "font/woff2";
  return "application/octet-stream";
}
}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const auto relative = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    m_files.emplace(relative, File{content_type_for(entry.path()), content.str()});
  }
}

std::optional<HttpResponse> StaticFiles::serve(std::string_view path) const {
  auto found = m_files.find(path);
  const bool is_asset = found != m_files.end() && path.starts_with("/assets/");
  if (found == m_files.end()) found = m_files.find("/index.html");
  if (found == m_files.end()) return std::nullopt;
  HttpResponse response{200, found->second.content_type, found->second.body, {}};
  // Vite names assets by content hash, so they never change; the page itself must be re-read.
  response.headers.emplace_back("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace diplomado::http
