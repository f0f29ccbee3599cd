#pragma once
#include <optional>
#include <string_view>

namespace diplomado {

// The roles of the glossary. A grant is for one programme or, with no programme, for the whole site.
enum class Role { coordinator, instructor, juror, group_leader, participant, observer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

}  // namespace diplomado
