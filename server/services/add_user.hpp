#pragma once
#include <optional>
#include <string>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct AddUserRequest {
  std::string email;
  std::string display_name;
  std::string role;            // one of the glossary's roles
  std::string programme_code;  // empty: the grant is site-wide
  std::string password;
};

struct AddedUser {
  Id user_id = 0;
  std::string email;
};

// For the CLI (scripts, tests, first set-up): the operator on the machine is the actor, recorded
// in the audit as "system". Bad fields come back together, each named.
Result<AddedUser> add_user(storage::Store& store, const AddUserRequest& request, TimePoint now);

}  // namespace diplomado::services
