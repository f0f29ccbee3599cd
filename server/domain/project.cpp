#include "domain/project.hpp"

namespace diplomado {

std::string_view to_string(ProjectStatus status) { return status == ProjectStatus::reopened ? "reopened" : "submitted"; }

std::optional<ProjectStatus> parse_project_status(std::string_view text) {
  if (text == "submitted") return ProjectStatus::submitted;
  if (text == "reopened") return ProjectStatus::reopened;
  return std::nullopt;
}

}  // namespace diplomado
