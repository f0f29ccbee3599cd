#include "domain/role.hpp"

#include <array>
#include <utility>

namespace diplomado {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> role_names{{
    {Role::coordinator, "coordinator"},
    {Role::instructor, "instructor"},
    {Role::juror, "juror"},
    {Role::group_leader, "group_leader"},
    {Role::participant, "participant"},
    {Role::observer, "observer"},
}};
}

std::string_view to_string(Role role) {
  for (const auto& [value, name] : role_names)
    if (value == role) return name;
  return "participant";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [value, name] : role_names)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace diplomado
