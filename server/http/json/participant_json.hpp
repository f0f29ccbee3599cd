#pragma once
#include "domain/programme.hpp"
#include "json/json_writer.hpp"

namespace diplomado {

void write(JsonWriter& json, const ParticipantRow& participant);
// The person page: the row plus contact and consent (empty unless the reader is a coordinator).
void write(JsonWriter& json, const ParticipantRecord& record);

}  // namespace diplomado
