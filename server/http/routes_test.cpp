#include "http/routes.hpp"

#include <gtest/gtest.h>

#include <set>

namespace diplomado::http {

TEST(RouteTable, EveryRouteDeclaresAKnownPermissionAndOnlyHealthAndSignInArePublic) {
  std::set<std::string> public_routes;
  for (const auto& route : route_table()) {
    EXPECT_NE(std::string(to_string(route.permission)), "undeclared") << route.pattern;
    EXPECT_TRUE(route.handler) << route.pattern;
    if (route.permission == Permission::public_access) public_routes.insert(route.pattern);
    // A route about one programme must check a programme-scoped permission.
    if (route.pattern.find("{programme_id}") != std::string::npos) {
      EXPECT_NE(route.permission, Permission::public_access) << route.pattern;
      EXPECT_NE(route.permission, Permission::signed_in) << route.pattern;
    }
  }
  EXPECT_EQ(public_routes, (std::set<std::string>{"/healthz", "/api/v1/session"}));
}

TEST(RouteTable, PersonalDataNeedsTheParticipantsPermission) {
  int checked = 0;
  for (const auto& route : route_table()) {
    if (!route.pattern.ends_with("/participants")) continue;
    EXPECT_EQ(route.permission, Permission::view_participants);
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

TEST(RouteMatching, SegmentsAndParameters) {
  std::map<std::string, std::string> parameters;
  EXPECT_TRUE(match_route("/api/v1/programmes/{programme_id}", "/api/v1/programmes/12", parameters));
  EXPECT_EQ(parameters.at("programme_id"), "12");
  EXPECT_FALSE(match_route("/api/v1/programmes/{programme_id}", "/api/v1/programmes/", parameters));
  EXPECT_FALSE(match_route("/api/v1/programmes/{programme_id}", "/api/v1/programmes/12/teams", parameters));
  EXPECT_FALSE(match_route("/api/v1/programmes", "/api/v1/programmesx", parameters));
  EXPECT_TRUE(match_route("/healthz", "/healthz", parameters));
  EXPECT_FALSE(match_route("/healthz", "/healthz/", parameters));
}

TEST(RequestParsing, QueryAndCookies) {
  const auto query = parse_query("page=2&per_page=10&q=Dari%C3%A9n+sur&flag");
  EXPECT_EQ(query.at("page"), "2");
  EXPECT_EQ(query.at("q"), "Darién sur");
  EXPECT_EQ(query.at("flag"), "");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
}

}  // namespace diplomado::http
