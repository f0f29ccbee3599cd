#pragma once
// A user as the site coordinator's list shows them, in JSON: the API's answer and the CLI's
// `user list --format json`. No password hash, only whether one is set. Also an audit event.
#include "domain/audit.hpp"
#include "json/json_writer.hpp"
#include "services/manage_users.hpp"

namespace diplomado {

void write(JsonWriter& json, const services::UserView& user);
// An audit event as the viewer (API) and `diplomado audit --format json` give it: details as the
// JSON object they were written as.
void write(JsonWriter& json, const AuditRecord& event);

}  // namespace diplomado
