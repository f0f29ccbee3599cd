#include "cli/commands.hpp"

#include <chrono>
#include <ostream>

#include "cli/programme_seed_file.hpp"
#include "services/initialise_site.hpp"
#include "services/load_programme_seed.hpp"

namespace diplomado::cli {
namespace {
TimePoint now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }
}  // namespace

void print_error(const Error& error, Console& console) {
  console.err << "diplomado: " << translate(error.message_key, console.language) << '\n';
  for (const auto& detail : error.details) {
    console.err << "  " << detail.field;
    if (detail.row) console.err << " (" << (console.language == Language::en ? "row " : "fila ") << *detail.row << ")";
    console.err << ": " << translate(detail.message_key, console.language);
    if (!detail.value.empty()) console.err << " [" << detail.value << "]";
    console.err << '\n';
  }
}

int run_init(services::Store& store, const std::string& email, const std::string& display_name, Console& console) {
  auto result = services::initialise_site(store, email, display_name, now());
  if (!result) {
    print_error(result.error(), console);
    return 1;
  }
  if (!result->created) {
    console.out << translate("cli.init.exists", console.language) << '\n';
    return 0;
  }
  console.out << translate("cli.init.created", console.language) << '\n'
              << "  e-mail:   " << result->email << '\n'
              << "  password: " << result->password << '\n';
  return 0;
}

int run_demo(services::Store& store, const std::string& programme_file, Console& console) {
  auto seed = read_programme_seed_file(programme_file);
  if (!seed) {
    print_error(seed.error(), console);
    return 1;
  }
  auto loaded = services::load_programme_seed(store, *seed, now());
  if (!loaded) {
    print_error(loaded.error(), console);
    return 1;
  }
  console.out << translate(loaded->created ? "cli.demo.loaded" : "cli.demo.exists", console.language) << " " << seed->programme.code;
  if (loaded->created) console.out << " (" << loaded->participants << ", " << loaded->teams << ")";
  console.out << '\n';
  return 0;
}

int run_user_add(services::Store& store, const services::AddUserRequest& request, Console& console) {
  auto added = services::add_user(store, request, now());
  if (!added) {
    print_error(added.error(), console);
    return 1;
  }
  console.out << translate("cli.user.added", console.language) << " " << added->email << '\n';
  return 0;
}

}  // namespace diplomado::cli
