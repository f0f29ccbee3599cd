#pragma once
// Writes JSON straight into a string, for responses. Building nlohmann::json objects (a std::map
// per object) and then dumping them cost more than the database work on the hot list routes
// (callgrind, issue 2's benchmark); requests are still parsed with nlohmann.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace diplomado::http {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // An empty text is written as null (optional dates, absent references).
  JsonWriter& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }

  // An object whose members `body` writes, or null when absent.
  template <class Body>
  JsonWriter& object_or_null(bool present, Body&& body) {
    if (!present) return null();
    begin_object();
    body(*this);
    return end_object();
  }

  template <class T>
  JsonWriter& field(std::string_view name, const T& item) {
    key(name);
    return value(item);
  }

  std::string take() { return std::move(m_out); }
  const std::string& str() const { return m_out; }

 private:
  void separate();
  std::string m_out;
  std::vector<bool> m_first;  // per open container: no member written yet
  bool m_after_key = false;
};

// JSON string escaping (RFC 8259); invalid UTF-8 bytes become U+FFFD so the output always parses.
void append_json_string(std::string& out, std::string_view text);

}  // namespace diplomado::http
