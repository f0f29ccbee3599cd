#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <zlib.h>

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

bool is_text(const std::string& content_type) {
  return content_type.starts_with("text/") || content_type == "application/json" || content_type == "image/svg+xml";
}

// gzip (RFC 1952) at the best compression; the work is done once, at start-up.
std::string gzip(const std::string& bytes) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, bytes.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return result == Z_STREAM_END ? out : std::string();
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
    File file{content_type_for(entry.path()), content.str(), {}};
    if (is_text(file.content_type) && file.body.size() > 1024) {
      auto compressed = gzip(file.body);
      if (!compressed.empty() && compressed.size() < file.body.size() * 9 / 10) file.gzipped = std::move(compressed);
    }
    m_files.emplace(relative, std::move(file));
  }
}

std::optional<HttpResponse> StaticFiles::serve(std::string_view path, bool accepts_gzip) const {
  auto found = m_files.find(path);
  const bool is_asset = found != m_files.end() && path.starts_with("/assets/");
  if (found == m_files.end()) found = m_files.find("/index.html");
  if (found == m_files.end()) return std::nullopt;
  const bool compressed = accepts_gzip && !found->second.gzipped.empty();
  HttpResponse response{200, found->second.content_type, compressed ? found->second.gzipped : found->second.body, {}};
  if (compressed) response.headers.emplace_back("Content-Encoding", "gzip");
  if (!found->second.gzipped.empty()) response.headers.emplace_back("Vary", "Accept-Encoding");
  // Vite names assets by content hash, so they never change; the page itself must be re-read.
  response.headers.emplace_back("Cache-Control", is_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace diplomado::http
