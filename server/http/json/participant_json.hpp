#pragma once
#include "domain/programme.hpp"
#include "http/json/json_writer.hpp"

namespace diplomado::http {

void write(JsonWriter& json, const ParticipantRow& participant);

}  // namespace diplomado::http
