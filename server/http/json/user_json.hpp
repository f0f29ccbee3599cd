#pragma once
#include "domain/permission.hpp"
#include "json/json_writer.hpp"
#include "documents/user_listing.hpp"

namespace diplomado {

void write(JsonWriter& json, const Actor& actor);

}  // namespace diplomado
