#include "json/json_reader.hpp"

#include <fmt/format.h>

namespace diplomado {
namespace {

// One pass over the text that builds nothing: it stops at the first value past the depth or the
// count, so 27 MB of "[" costs 33 characters, not gigabytes of nested arrays.
class LimitCheck : public nlohmann::json_sax<nlohmann::json> {
 public:
  enum class Outcome { ok, malformed, too_deep, too_many };
  Outcome outcome = Outcome::ok;

  bool null() override { return count(); }
  bool boolean(bool) override { return count(); }
  bool number_integer(number_integer_t) override { return count(); }
  bool number_unsigned(number_unsigned_t) override { return count(); }
  bool number_float(number_float_t, const string_t&) override { return count(); }
  bool string(string_t&) override { return count(); }
  bool binary(binary_t&) override { return count(); }
  bool start_object(std::size_t) override { return open(); }
  bool key(string_t&) override { return count(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    outcome = Outcome::malformed;
    return false;
  }

 private:
  bool count() {
    if (++m_values > max_json_values) {
      outcome = Outcome::too_many;
      return false;
    }
    return true;
  }
  bool open() {
    if (++m_depth > max_json_depth) {
      outcome = Outcome::too_deep;
      return false;
    }
    return count();
  }
  bool close() {
    --m_depth;
    return true;
  }

  std::size_t m_depth = 0;
  std::size_t m_values = 0;
};

Error body_error(const char* code, const char* key) {
  Error error = make_error(ErrorCode::invalid_input, key);
  error.details.push_back({"body", std::nullopt, code, key, ""});
  return error;
}

std::string number_text(double value) {
  if (std::isinf(value)) return value < 0 ? "-∞" : "∞";
  return fmt::format("{:g}", value);
}

}  // namespace

Result<nlohmann::json> parse_bounded_json(std::string_view text) {
  LimitCheck check;
  const bool whole = nlohmann::json::sax_parse(text, &check, nlohmann::json::input_format_t::json, false);
  if (check.outcome == LimitCheck::Outcome::too_deep) return std::unexpected(body_error("too_deep", "error.json.too_deep"));
  if (check.outcome == LimitCheck::Outcome::too_many) return std::unexpected(body_error("too_many_values", "error.json.too_many_values"));
  if (!whole) return std::unexpected(body_error("malformed_json", "error.malformed_json"));
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::unexpected(body_error("malformed_json", "error.malformed_json"));
  return parsed;
}

bool BodyReader::out_of_range(const std::string& path, const nlohmann::json& value, double low, double high) {
  fail(path, "out_of_range", "error.field.out_of_range", fmt::format("{} ∉ [{}, {}]", value.dump(), number_text(low), number_text(high)));
  return false;
}

void describe(BodyReader& reader, LocalizedText& text) {
  // Spanish comes first; the English text may follow later.
  reader.required("es", text.es).optional("en", text.en);
}

}  // namespace diplomado
