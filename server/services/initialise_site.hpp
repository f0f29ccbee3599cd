#pragma once
#include <string>

#include "domain/error.hpp"
#include "domain/time.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

struct SiteInitialised {
  bool created = false;  // false: the site already had users, and nothing was changed
  std::string email;
  std::string password;  // generated; shown once and never stored in clear
};

// Creates the first site-wide coordinator with a generated password. There is no default
// password anywhere: each site gets its own, printed once.
// The display name is data, not a text of the interface: empty means the e-mail stands for it.
Result<SiteInitialised> initialise_site(storage::Store& store, const std::string& email, const std::string& display_name, TimePoint now);

}  // namespace diplomado::services
