#pragma once
#include "domain/permission.hpp"
#include "http/json/json_writer.hpp"

namespace diplomado::http {

void write(JsonWriter& json, const Actor& actor);

}  // namespace diplomado::http
