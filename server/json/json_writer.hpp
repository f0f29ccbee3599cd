#pragma once
// Writes JSON straight into a string, for responses. Building nlohmann::json objects (a std::map
// per object) and then dumping them cost more than the database work on the hot list routes
// (callgrind, issue 2's benchmark); requests are still parsed with nlohmann.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace diplomado {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Written for people to read and edit (a programme file): each member on its own line, indented
  // by `indent` spaces a level. The default (0) writes compact JSON, as responses are.
  explicit JsonWriter(int indent) : m_indent(indent) {}

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
  // JSON this writer (or json_object) already wrote, such as an audit's before and after.
  JsonWriter& fragment(std::string_view json);
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

  // Any value write_value takes: text, any integer, a number, a boolean, an optional, a list.
  template <class T>
  JsonWriter& field(std::string_view name, const T& item);

  std::string take() { return std::move(m_out); }
  const std::string& str() const { return m_out; }

 private:
  void separate();
  void close(char bracket);
  void new_line(std::size_t depth);
  std::string m_out;
  int m_indent = 0;
  std::vector<bool> m_first;  // per open container: no member written yet
  bool m_after_key = false;
};

// A flat object from name/value pairs, for audit details: every text escaped, so a '"' in an
// assessment's code stays inside its string. Values: text, numbers, booleans, std::optional
// (null when empty) and std::vector of those.
//   json_object("assessment", code, "old", std::optional<double>{}, "new", 8.5)
// An object json_object wrote, to nest inside another: json_object("before", JsonFragment{...}).
struct JsonFragment {
  std::string json;
};

template <class Value>
void write_value(JsonWriter& json, const Value& value) {
  if constexpr (std::is_same_v<Value, JsonFragment>) {
    json.fragment(value.json);
  } else if constexpr (requires { value.has_value(); *value; }) {
    if (value) write_value(json, *value);
    else json.null();
  } else if constexpr (requires { value.begin(); value.end(); typename Value::value_type; } && !std::is_convertible_v<Value, std::string_view>) {
    json.begin_array();
    for (const auto& item : value) write_value(json, item);
    json.end_array();
  } else if constexpr (std::is_integral_v<Value> && !std::is_same_v<Value, bool>) {
    json.value(static_cast<std::int64_t>(value));
  } else {
    json.value(value);
  }
}

template <class... Arguments>
std::string json_object(const Arguments&... arguments) {
  static_assert(sizeof...(Arguments) % 2 == 0, "json_object takes name, value pairs");
  JsonWriter json;
  json.begin_object();
  bool is_name = true;
  auto write_one = [&](const auto& argument) {
    if constexpr (std::is_convertible_v<decltype(argument), std::string_view>) {
      if (is_name) {
        json.key(argument);
        is_name = false;
        return;
      }
    }
    write_value(json, argument);
    is_name = true;
  };
  (write_one(arguments), ...);
  json.end_object();
  return json.take();
}

template <class T>
JsonWriter& JsonWriter::field(std::string_view name, const T& item) {
  key(name);
  write_value(*this, item);
  return *this;
}

// JSON string escaping (RFC 8259); invalid UTF-8 bytes become U+FFFD so the output always parses.
void append_json_string(std::string& out, std::string_view text);

}  // namespace diplomado
