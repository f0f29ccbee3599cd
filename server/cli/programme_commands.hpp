#pragma once
// `diplomado programme create|import|export|validate|clone` (issue 12): a course opened from the
// command line, checked by the same rules as the API's.
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "services/manage_programmes.hpp"

namespace diplomado::cli {

struct ProgrammeCreateOptions {
  services::NewProgramme request;
  std::string sdgs;                  // "10,16,17"
  std::vector<std::string> modules;  // "Título|Title|hours[|pass mark]"
  std::vector<std::string> coordinators;  // "email" or "email|Name"
};

int run_programme_validate(const std::string& file, Console& console);
int run_programme_import(services::Store& store, const std::string& file, Console& console);
int run_programme_create(services::Store& store, ProgrammeCreateOptions options, Console& console);
// Writes the programme with this code as a programme file to `output` ("-" or empty: the
// standard output); with `people`, its people and their records too.
int run_programme_export(services::Store& store, const std::string& code, const std::string& output, bool people, Console& console);
int run_programme_clone(services::Store& store, const std::string& from, const services::CloneRequest& request, Console& console);

}  // namespace diplomado::cli
