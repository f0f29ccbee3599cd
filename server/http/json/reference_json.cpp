#include "http/json/reference_json.hpp"

namespace diplomado {

namespace {
void write_strings(JsonWriter& json, const char* key, const std::vector<std::string>& values) {
  json.key(key).begin_array();
  for (const auto& value : values) json.value(value);
  json.end_array();
}
}  // namespace

void write(JsonWriter& json, const InstitutionRecord& institution) {
  json.begin_object()
      .field("id", institution.id)
      .key("name")
      .begin_object()
      .field("es", institution.name.es)
      .field("en", institution.name.en)
      .end_object()
      .field("acronym", institution.acronym)
      .field("country", institution.country)
      .field("sector", institution.sector)
      .field("level", institution.level)
      .field("valid_from", institution.valid_from)
      .field("valid_to", institution.valid_to);
  write_strings(json, "aliases", institution.aliases);
  json.field("version", institution.version).end_object();
}

void write(JsonWriter& json, const SubdivisionCandidate& subdivision) {
  json.begin_object().field("code", subdivision.code).field("name", subdivision.name);
  write_strings(json, "aliases", subdivision.aliases);
  json.end_object();
}

}  // namespace diplomado
