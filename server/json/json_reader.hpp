#pragma once
// Reading untrusted JSON into typed structs: bounded, declarative, and never by exception.
//
// Every JSON input (a request body, a file the CLI reads) goes through parse_bounded_json (nesting
// depth, value count) and then through a BodyReader that the target struct declares member by
// member with describe(). Each wrong type, missing member, unknown member, number out of range and
// over-long string becomes a FieldError naming the member's path ("title.es",
// "criteria[2].weight"), all of them at once.
//
// describe() overloads are found by argument-dependent lookup: declare one in the namespace of its
// struct, or in namespace diplomado (BodyReader's own) for a struct of another layer.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.hpp"
#include "domain/programme.hpp"

namespace diplomado {

// No request nests deeper than this, nor carries more values (members and elements together):
// a body is checked against both in one pass before any of it is built in memory.
inline constexpr std::size_t max_json_depth = 32;
inline constexpr std::size_t max_json_values = 200'000;

// Any JSON text, checked against both limits before it is built: 400 naming "body" when it does
// not parse, nests too deep or holds too many values.
Result<nlohmann::json> parse_bounded_json(std::string_view text);


// Bounds a member may declare. Strings are measured in bytes of UTF-8.
struct Bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::size_t max_length = 2000;
  std::size_t max_items = 1000;
};

class BodyReader;

// A number, or a text in the user's own notation ("8,5"): the use case reads it in the locale.
struct NumberOrText {
  std::string text;
};

enum class Presence { required, optional };

// A struct read from a JSON object declares its members with a free function
//   void describe(BodyReader& reader, T& value);
// found by argument-dependent lookup, or in namespace diplomado::http for domain types.
void describe(BodyReader& reader, LocalizedText& text);

class BodyReader {
 public:
  BodyReader(const nlohmann::json& object, std::string path, std::vector<FieldError>& errors)
      : m_object(object), m_path(std::move(path)), m_errors(errors) {}

  // A member that must be there (null counts as absent).
  template <class T>
  BodyReader& required(std::string_view name, T& out, Bounds bounds = {}) {
    m_known.insert(std::string(name));
    const auto found = m_object.find(name);
    if (found == m_object.end() || found->is_null()) {
      fail(path_of(name), "required", "error.field.required");
    } else {
      read(*found, path_of(name), out, bounds);
    }
    return *this;
  }

  // A member that may be left out (or null): out keeps its value then.
  template <class T>
  BodyReader& optional(std::string_view name, T& out, Bounds bounds = {}) {
    m_known.insert(std::string(name));
    const auto found = m_object.find(name);
    if (found != m_object.end() && !found->is_null()) read(*found, path_of(name), out, bounds);
    return *this;
  }

  // A member that may be null on purpose (an assessment of the programme has "module": null).
  template <class T>
  BodyReader& nullable(std::string_view name, std::optional<T>& out, Bounds bounds = {}) {
    m_known.insert(std::string(name));
    const auto found = m_object.find(name);
    out.reset();
    if (found != m_object.end() && !found->is_null()) {
      T value{};
      if (read(*found, path_of(name), value, bounds)) out = std::move(value);
    }
    return *this;
  }

  // A member whose text names one value of an enumeration (parse returns std::optional<Enum>).
  template <class Enum, class Parse>
  BodyReader& choice(std::string_view name, Enum& out, Parse parse, Presence presence = Presence::optional) {
    std::string text;
    const auto found = m_object.find(name);
    const bool present = found != m_object.end() && !found->is_null();
    const auto before = m_errors.size();
    if (presence == Presence::required) required(name, text, Bounds{.max_length = 100});
    else optional(name, text, Bounds{.max_length = 100});
    if (!present || m_errors.size() != before) return *this;
    if (auto value = parse(text)) out = *value;
    else fail(path_of(name), "unknown_value", "error.field.unknown_value", text);
    return *this;
  }

  // Members of the representation that the server owns (an id, a version, a derived name): a
  // client that sends back what it read may include them, and they are ignored.
  BodyReader& read_only(std::initializer_list<std::string_view> names) {
    for (const auto name : names) m_known.insert(std::string(name));
    return *this;
  }

  // Members the struct does not declare are errors too: a misspelt name is never ignored.
  void refuse_unknown_members() {
    for (const auto& [name, value] : m_object.items())
      if (!m_known.contains(name)) fail(path_of(name), "unknown_member", "error.field.unknown_member");
  }

  void fail(const std::string& path, const char* code, const char* key, std::string value = {}) {
    m_errors.push_back({path, std::nullopt, code, key, std::move(value)});
  }

  const std::string& path() const { return m_path; }

  template <class T>
  void read_root(T& out, const Bounds& bounds) {
    read(m_object, m_path, out, bounds);
  }

 private:
  std::string path_of(std::string_view name) const { return join(m_path, name); }
  static std::string join(const std::string& path, std::string_view name) { return path.empty() ? std::string(name) : path + "." + std::string(name); }

  bool read(const nlohmann::json& value, const std::string& path, std::string& out, const Bounds& bounds) {
    if (!value.is_string()) return type_error(path, "type_string", "error.field.type_string");
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > bounds.max_length) {
      fail(path, "too_long", "error.field.too_long", std::to_string(bounds.max_length));
      return false;
    }
    out = text;
    return true;
  }

  bool read(const nlohmann::json& value, const std::string& path, bool& out, const Bounds&) {
    if (!value.is_boolean()) return type_error(path, "type_boolean", "error.field.type_boolean");
    out = value.get<bool>();
    return true;
  }

  template <class Integer>
    requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
  bool read(const nlohmann::json& value, const std::string& path, Integer& out, const Bounds& bounds) {
    if (!value.is_number_integer()) return type_error(path, "type_integer", "error.field.type_integer");
    const double number = value.is_number_unsigned() ? static_cast<double>(value.get<std::uint64_t>()) : static_cast<double>(value.get<std::int64_t>());
    const double low = std::max(bounds.min, static_cast<double>(std::numeric_limits<Integer>::lowest()));
    const double high = std::min(bounds.max, static_cast<double>(std::numeric_limits<Integer>::max()));
    if (number < low || number > high) return out_of_range(path, value, low, high);
    out = static_cast<Integer>(number);
    return true;
  }

  bool read(const nlohmann::json& value, const std::string& path, double& out, const Bounds& bounds) {
    if (!value.is_number()) return type_error(path, "type_number", "error.field.type_number");
    const double number = value.get<double>();
    if (!std::isfinite(number) || number < bounds.min || number > bounds.max) return out_of_range(path, value, bounds.min, bounds.max);
    out = number;
    return true;
  }

  bool read(const nlohmann::json& value, const std::string& path, NumberOrText& out, const Bounds& bounds) {
    if (value.is_number()) {
      out.text = value.dump();
      return true;
    }
    if (!value.is_string()) return type_error(path, "type_number", "error.field.type_number");
    return read(value, path, out.text, bounds);
  }

  // A value that may be null on purpose, inside a list or a map.
  template <class Item>
  bool read(const nlohmann::json& value, const std::string& path, std::optional<Item>& out, const Bounds& bounds) {
    out.reset();
    if (value.is_null()) return true;
    Item item{};
    if (!read(value, path, item, bounds)) return false;
    out = std::move(item);
    return true;
  }

  // An object whose keys are data (an enrolment's id), each value of one type.
  template <class Item>
  bool read(const nlohmann::json& value, const std::string& path, std::map<std::string, Item>& out, const Bounds& bounds) {
    if (!value.is_object()) return type_error(path, "type_object", "error.field.type_object");
    if (value.size() > bounds.max_items) {
      fail(path, "too_many_items", "error.field.too_many_items", std::to_string(bounds.max_items));
      return false;
    }
    bool all = true;
    for (const auto& [key, item] : value.items()) all = read(item, join(path, key), out[key], bounds) && all;
    return all;
  }

  template <class Item>
  bool read(const nlohmann::json& value, const std::string& path, std::vector<Item>& out, const Bounds& bounds) {
    if (!value.is_array()) return type_error(path, "type_array", "error.field.type_array");
    if (value.size() > bounds.max_items) {
      fail(path, "too_many_items", "error.field.too_many_items", std::to_string(bounds.max_items));
      return false;
    }
    out.clear();
    out.reserve(value.size());
    bool all = true;
    for (std::size_t index = 0; index < value.size(); ++index) {
      Item item{};
      all = read(value[index], path + "[" + std::to_string(index) + "]", item, bounds) && all;
      out.push_back(std::move(item));
    }
    return all;
  }

  // Any other type is a struct with its own describe().
  template <class Struct>
    requires(std::is_class_v<Struct>)
  bool read(const nlohmann::json& value, const std::string& path, Struct& out, const Bounds&) {
    if (!value.is_object()) return type_error(path, "type_object", "error.field.type_object");
    const auto before = m_errors.size();
    BodyReader nested(value, path, m_errors);
    describe(nested, out);
    nested.refuse_unknown_members();
    return m_errors.size() == before;
  }

  bool type_error(const std::string& path, const char* code, const char* key) {
    fail(path, code, key);
    return false;
  }

  bool out_of_range(const std::string& path, const nlohmann::json& value, double low, double high);

  const nlohmann::json& m_object;
  std::string m_path;
  std::vector<FieldError>& m_errors;
  std::set<std::string, std::less<>> m_known;
};


// Reads a JSON value into T (a struct through its describe(), a list, a map of one type):
// every member in error is listed, none is thrown.
template <class T>
std::vector<FieldError> read_json(const nlohmann::json& value, T& out, Bounds bounds = {}) {
  std::vector<FieldError> errors;
  BodyReader(value, "", errors).read_root(out, bounds);
  return errors;
}

}  // namespace diplomado
