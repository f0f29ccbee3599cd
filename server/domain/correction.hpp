#pragma once
// Ley 81's rectification (issue 15): a participant's request for a correction, as the
// coordinators and the participant see it.
#include <string>

#include "domain/permission.hpp"

namespace diplomado {

struct CorrectionRequest {
  Id id = 0;
  Id programme_id = 0;
  std::string programme_code;
  Id enrollment_id = 0;
  std::string person_name;
  std::string request;
  std::string created_at;
  std::string resolved_at;  // empty while open
  std::string resolution;
};

}  // namespace diplomado
