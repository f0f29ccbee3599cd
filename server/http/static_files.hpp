#pragma once
// The web app's built files, read once at start-up and served from memory: the bundle is small,
// and a border post on a slow link gets long-lived caching for the hashed assets and, for text,
// a copy compressed with gzip once at start-up (a third of the bytes for the JavaScript).
#include <map>
#include <optional>
#include <string>

#include "http/request_context.hpp"

namespace diplomado::http {

class StaticFiles {
 public:
  // Loads every file under root; a missing root leaves the set empty (the API still works).
  explicit StaticFiles(const std::string& root);
  // The file for a path, or index.html for any other path (the app routes on the client).
  std::optional<HttpResponse> serve(std::string_view path, bool accepts_gzip = false) const;
  std::size_t size() const { return m_files.size(); }

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzipped;  // empty when compressing does not pay
  };
  std::map<std::string, File, std::less<>> m_files;
};

}  // namespace diplomado::http
