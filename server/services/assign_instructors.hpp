#pragma once
// Instructors see their modules (issue 3): the coordinator says who teaches which module; an
// instructor assigned to none teaches the whole programme.
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct InstructorView {
  Id user_id = 0;
  std::string email;
  std::string display_name;
  std::vector<int> modules;  // positions from 1; empty: the whole programme
};

Result<std::vector<InstructorView>> list_instructors(storage::Store& store, const Actor& actor, Id programme_id);
Result<InstructorView> set_instructor_modules(storage::Store& store, const Actor& actor, Id programme_id, Id user_id, const std::vector<int>& modules,
                                              TimePoint now);
// The modules (positions) the actor may teach: all of them for a coordinator or an instructor of
// the whole programme.
Result<std::vector<int>> my_modules(storage::Store& store, const Actor& actor, Id programme_id);

}  // namespace diplomado::services
