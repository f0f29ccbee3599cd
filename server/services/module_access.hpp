#pragma once
// Instructors see their modules (issue 3): the one check every teaching use case makes before it
// shows or records anything of a module (domain/permission can_teach_module).
#include <optional>

#include "domain/error.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

// Nothing when the actor may teach the module (or is the CLI); "forbidden" otherwise. No module
// means a programme-wide assessment, which a module-limited instructor may not write.
inline std::optional<Error> refuse_module(storage::UnitOfWork& unit, const std::optional<Actor>& actor, Id programme_id, std::optional<Id> module_id) {
  if (!actor || actor->has_role(Role::coordinator, programme_id)) return std::nullopt;
  if (can_teach_module(*actor, programme_id, module_id, unit.teaching().modules_of_instructor(programme_id, actor->user_id))) return std::nullopt;
  return make_error(ErrorCode::forbidden, "error.teaching.not_your_module");
}

}  // namespace diplomado::services
