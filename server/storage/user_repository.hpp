#pragma once
// Users and their role grants. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/pagination.hpp"
#include "domain/participant_filter.hpp"
#include "domain/participant_import.hpp"
#include "domain/permission.hpp"
#include "domain/programme.hpp"
#include "domain/programme_seed.hpp"

namespace diplomado::storage {

struct UserRecord {
  Id id = 0;
  std::string email;
  std::string display_name;
  std::string password_hash;
  bool disabled = false;
};

struct NewUser {
  std::string email;
  std::string display_name;
  std::string password_hash;
  std::string created_at;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<UserRecord> find_by_email(std::string_view normalised_email) = 0;
  virtual Id insert(const NewUser& user) = 0;
  virtual void add_grant(Id user_id, const RoleGrant& grant) = 0;
  virtual std::vector<RoleGrant> grants(Id user_id) = 0;
  // The users who hold `role` in this programme (not site-wide grants), by name. No password hash.
  virtual std::vector<UserRecord> holders(Id programme_id, Role role) = 0;
  virtual std::int64_t count() = 0;
};

}  // namespace diplomado::storage
