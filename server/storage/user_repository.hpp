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

// A user as the site's list shows them: no password hash, only whether one is set.
struct UserListing {
  Id id = 0;
  std::string email;
  std::string display_name;
  bool disabled = false;
  bool has_password = false;
  struct Grant {
    Id id = 0;
    RoleGrant grant;
    std::string programme_code;  // empty for a site-wide grant
  };
  std::vector<Grant> grants;
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
  virtual std::optional<UserRecord> find(Id user_id) = 0;
  // Every user with their grants, by e-mail.
  virtual std::vector<UserListing> list() = 0;
  virtual void set_disabled(Id user_id, bool disabled) = 0;
  virtual void set_password_hash(Id user_id, std::string_view hash) = 0;
  virtual bool has_grant(Id user_id, const RoleGrant& grant) = 0;
  // Removes the grant with this id if it is the user's; the grant removed, or nothing.
  virtual std::optional<RoleGrant> remove_grant(Id user_id, Id grant_id) = 0;
  // How many users hold a site-wide coordinator grant and are not disabled.
  virtual std::int64_t active_site_coordinators() = 0;

  // The sign-in throttle's counts (migration 0013), shared by every server: `scope` is pair,
  // address or account, `key_digest` the digest of what is counted (never the e-mail or the
  // address themselves). Times are ISO 8601 UTC.
  virtual std::optional<std::pair<int, std::string>> sign_in_failures(std::string_view scope, std::string_view key_digest) = 0;
  virtual void save_sign_in_failures(std::string_view scope, std::string_view key_digest, int failures, std::string_view last_failure_at) = 0;
  virtual void forget_sign_in_failures(std::string_view scope, std::string_view key_digest) = 0;
  // Drops every count last moved before `before` (they would be forgotten anyway).
  virtual void forget_sign_in_failures_before(std::string_view before) = 0;
};

}  // namespace diplomado::storage
