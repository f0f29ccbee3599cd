// Issue 15: the authorisation matrix. Every route of the route table, for every kind of caller
// (nobody signed in, each role of the programme, the site coordinator, and a coordinator of
// another programme), is allowed or denied as docs/security/authorization-matrix.tsv says. A route
// added without its row fails here; so does a permission that changes what a role may reach.
// UPDATE_MATRIX=1 rewrites the file from the code, for a reviewed change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "http/routes.hpp"

namespace diplomado::http {
namespace {

constexpr Id programme = 1, other_programme = 2;

struct Caller {
  const char* name;
  std::optional<Actor> actor;  // nothing: not signed in
};

Actor with(std::vector<RoleGrant> grants) {
  Actor actor;
  actor.user_id = 7;
  actor.grants = std::move(grants);
  return actor;
}

std::vector<Caller> callers() {
  return {
      {"anonymous", std::nullopt},
      {"site_coordinator", with({{Role::coordinator, std::nullopt}})},
      {"coordinator", with({{Role::coordinator, programme}})},
      {"instructor", with({{Role::instructor, programme}})},
      {"juror", with({{Role::juror, programme}})},
      {"group_leader", with({{Role::group_leader, programme}})},
      {"participant", with({{Role::participant, programme}})},
      {"observer", with({{Role::observer, programme}})},
      {"other_programme_coordinator", with({{Role::coordinator, other_programme}})},
  };
}

// What the dispatcher's guard decides before any handler runs (http/routes.cpp guard()).
bool admitted(const Route& route, const Caller& caller) {
  if (route.permission == Permission::public_access) return true;
  if (!caller.actor) return false;
  const bool scoped = route.pattern.find("{programme_id}") != std::string::npos;
  return is_allowed(*caller.actor, route.permission, scoped ? std::optional<Id>(programme) : std::nullopt);
}

const std::filesystem::path matrix_file = std::filesystem::path(DIPLOMADO_SERVER_SOURCE_DIR) / ".." / "docs" / "security" / "authorization-matrix.tsv";

std::string header_line() {
  std::string line = "method\troute\tpermission";
  for (const auto& caller : callers()) line += std::string("\t") + caller.name;
  return line;
}

std::string row_of(const Route& route) {
  std::string line = std::string(method_name(route.method)) + "\t" + route.pattern + "\t" + to_string(route.permission);
  for (const auto& caller : callers()) line += admitted(route, caller) ? "\tallow" : "\tdeny";
  return line;
}

}  // namespace

TEST(AuthorizationMatrix, EveryRouteAndEveryCallerIsAsTheMatrixSays) {
  if (const char* update = std::getenv("UPDATE_MATRIX"); update && std::string(update) == "1") {
    std::ofstream out(matrix_file);
    out << header_line() << '\n';
    for (const auto& route : route_table()) out << row_of(route) << '\n';
  }
  std::ifstream in(matrix_file);
  ASSERT_TRUE(in) << matrix_file;
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, header_line()) << "the matrix's columns";
  std::map<std::string, std::string> expected;  // "METHOD route" -> the whole row
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string method, pattern;
    std::getline(fields, method, '\t');
    std::getline(fields, pattern, '\t');
    expected[method + " " + pattern] = line;
  }
  std::size_t pairs = 0;
  for (const auto& route : route_table()) {
    const auto key = std::string(method_name(route.method)) + " " + route.pattern;
    const auto found = expected.find(key);
    if (found == expected.end()) {
      ADD_FAILURE() << key << " has no row in " << matrix_file.filename() << ": add it, saying who may call it";
      continue;
    }
    EXPECT_EQ(row_of(route), found->second) << key;
    expected.erase(found);
    pairs += callers().size();
  }
  for (const auto& [key, row] : expected) ADD_FAILURE() << key << " is in the matrix but not a route";
  std::cout << "# authorisation matrix: " << route_table().size() << " routes, " << pairs << " (route, caller) pairs checked\n";
}

}  // namespace diplomado::http
