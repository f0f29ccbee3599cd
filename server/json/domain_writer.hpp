#pragma once
// How the domain's own values are written as JSON, for every adapter (API answers, CLI reports):
// declared once, as json/domain_reader.hpp does for reading.
#include "domain/programme.hpp"
#include "json/json_writer.hpp"

namespace diplomado {

// {"es": "...", "en": "..."}
inline void write_localized(JsonWriter& json, const LocalizedText& text) {
  json.begin_object().field("es", text.es).field("en", text.en).end_object();
}

}  // namespace diplomado
