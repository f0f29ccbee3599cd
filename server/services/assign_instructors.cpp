#include "services/assign_instructors.hpp"
#include "json/json_writer.hpp"

#include <algorithm>

#include "services/get_programme.hpp"
#include "services/module_access.hpp"

namespace diplomado::services {
namespace {

std::vector<int> positions_of(const Programme& programme, const std::vector<Id>& module_ids) {
  std::vector<int> positions;
  for (const auto& module : programme.modules)
    if (std::ranges::find(module_ids, module.id) != module_ids.end()) positions.push_back(module.position);
  return positions;
}

}  // namespace

Result<std::vector<InstructorView>> list_instructors(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  std::vector<InstructorView> views;
  for (const auto& instructor : unit->teaching().instructors(programme_id))
    views.push_back({instructor.user_id, instructor.email, instructor.display_name, positions_of(*programme, instructor.module_ids)});
  return views;
}

Result<InstructorView> set_instructor_modules(storage::Store& store, const Actor& actor, Id programme_id, Id user_id, const std::vector<int>& modules,
                                              TimePoint now) {
  if (auto refused = refuse(actor, programme_id, Permission::manage_programme)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_write);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  const auto instructors = unit->teaching().instructors(programme_id);
  const auto instructor = std::ranges::find(instructors, user_id, &storage::TeachingRepository::InstructorRecord::user_id);
  if (instructor == instructors.end())
    return std::unexpected(field_error("user_id", "not_instructor", "error.teaching.not_instructor", std::to_string(user_id)));
  std::vector<Id> module_ids;
  for (int position : modules) {
    const auto module = std::ranges::find(programme->modules, position, &Module::position);
    if (module == programme->modules.end())
      return std::unexpected(field_error("modules", "unknown_module", "error.seed.unknown_module", std::to_string(position)));
    if (std::ranges::find(module_ids, module->id) == module_ids.end()) module_ids.push_back(module->id);
  }
  unit->teaching().set_instructor_modules(programme_id, user_id, module_ids);
  unit->audit().append({actor.user_id, "instructor.modules", "app_user", user_id, json_object("modules", module_ids.size())},
                       format_iso8601(now));
  InstructorView view{user_id, instructor->email, instructor->display_name, positions_of(*programme, module_ids)};
  unit->commit();
  return view;
}

Result<std::vector<int>> my_modules(storage::Store& store, const Actor& actor, Id programme_id) {
  if (auto refused = refuse(actor, programme_id, Permission::record_teaching)) return std::unexpected(*refused);
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto programme = unit->programmes().find(programme_id);
  if (!programme) return std::unexpected(programme_not_found());
  std::vector<int> positions;
  for (const auto& module : programme->modules)
    if (!refuse_module(*unit, actor, programme_id, module.id)) positions.push_back(module.position);
  return positions;
}

}  // namespace diplomado::services
