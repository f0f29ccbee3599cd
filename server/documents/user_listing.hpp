#pragma once
// A user as the site coordinator's list shows them, in JSON: the API's answer and the CLI's
// `user list --format json`. No password hash, only whether one is set.
#include "json/json_writer.hpp"
#include "services/manage_users.hpp"

namespace diplomado {

void write(JsonWriter& json, const services::UserView& user);

}  // namespace diplomado
