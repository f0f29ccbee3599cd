#include "services/initialise_site.hpp"

#include "services/add_user.hpp"
#include "services/crypto.hpp"

namespace diplomado::services {

Result<SiteInitialised> initialise_site(storage::Store& store, const std::string& email, const std::string& display_name, TimePoint now) {
  {
    auto unit = store.begin(storage::TransactionMode::read_only);
    if (unit->users().count() > 0) return SiteInitialised{false, {}, {}};
  }
  SiteInitialised result{true, email, generate_password()};
  auto added = add_user(store, AddUserRequest{email, display_name.empty() ? email : display_name, "coordinator", "", result.password}, now);
  if (!added) return std::unexpected(added.error());
  result.email = added->email;
  return result;
}

}  // namespace diplomado::services
