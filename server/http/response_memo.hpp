#pragma once
// The JSON of a service result that came from the read cache, kept while that very result is
// alive: the service hands back the same shared object until a write retires it, so its JSON
// can be reused byte for byte. Identity is checked with a weak pointer, never by address, so a
// new object at a recycled address is never mistaken for the old one.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace diplomado::http {

class ResponseMemo {
 public:
  explicit ResponseMemo(std::size_t max_entries = 1000) : m_max_entries(max_entries) {}

  template <class T>
  std::string body(const std::string& key, const std::shared_ptr<const T>& value, const std::function<std::string(const T&)>& serialise) {
    const std::shared_ptr<const void> identity = value;
    if (auto found = lookup(key, identity)) return *found;
    auto text = serialise(*value);
    remember(key, identity, text);
    return text;
  }

  std::size_t size() {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
  }

 private:
  std::optional<std::string> lookup(const std::string& key, const std::shared_ptr<const void>& identity);
  void remember(const std::string& key, const std::shared_ptr<const void>& identity, const std::string& text);

  struct Entry {
    std::weak_ptr<const void> source;
    std::string text;
  };
  std::size_t m_max_entries;
  std::mutex m_mutex;
  std::map<std::string, Entry, std::less<>> m_entries;
};

}  // namespace diplomado::http
