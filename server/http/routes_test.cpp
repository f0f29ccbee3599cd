#include "http/routes.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

#include "domain/messages.hpp"

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
  // Issue 13: a certificate is checked by anyone, without signing in (rate-limited, nothing
  // personal but the holder's name), with the issuer's key and the revocation list.
  // Issue 16: the readiness probe says whether the database answers, nothing more; the metrics
  // name routes by pattern and hold nothing personal.
  // Issue 15: a password link is used by someone who cannot sign in yet (the token in the body is
  // the credential), and a reset is asked for with the same answer whether an account exists.
  EXPECT_EQ(public_routes, (std::set<std::string>{"/healthz", "/readyz", "/metrics", "/api/v1/session", "/api/v1/verify/{serial}", "/api/v1/status_list",
                                                  "/.well-known/did.json", "/api/v1/password_resets", "/api/v1/account_links/inspect",
                                                  "/api/v1/account_links/redeem"}));
}

TEST(RouteTable, PersonalDataNeedsTheParticipantsPermission) {
  int checked = 0;
  for (const auto& route : route_table()) {
    if (route.pattern.find("/participant") == std::string::npos) continue;
    // Reading the roster needs view_participants; changing it or taking it out needs more.
    const bool reads = route.method == Method::get && !route.pattern.ends_with("/export");
    EXPECT_EQ(route.permission, reads ? Permission::view_participants : Permission::manage_programme) << route.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 7);
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

namespace diplomado::http {

// DESIGN.md §3: http/ and cli/ know services and domain, never storage. CMake stops them linking
// storage; this stops them including it.
TEST(Layers, AdaptersDoNotIncludeStorage) {
  const std::filesystem::path server = DIPLOMADO_SERVER_SOURCE_DIR;
  int files = 0;
  for (const char* adapter : {"http", "cli", "documents"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(server / adapter)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line))
        EXPECT_FALSE(line.starts_with("#include \"storage/")) << entry.path() << ": " << line;
      ++files;
    }
  }
  EXPECT_GT(files, 10);
}

}  // namespace diplomado::http

namespace diplomado::http {

// DESIGN.md §3 and issue 10: row types belong to the domain. Services' headers may name storage's
// interfaces (the store, a unit of work, a repository) but no storage row type, and the adapters
// name nothing of storage at all.
TEST(Layers, NoStorageTypeCrossesIntoServicesHeadersOrAdapters) {
  const std::filesystem::path server = DIPLOMADO_SERVER_SOURCE_DIR;
  const std::regex named(R"(storage::(\w+))");
  int headers = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server)) {
    const auto path = entry.path().string();
    const bool services_header = path.find("/services/") != std::string::npos && path.ends_with(".hpp");
    const bool adapter = path.find("/http/") != std::string::npos || path.find("/cli/") != std::string::npos ||
                         path.find("/documents/") != std::string::npos;
    if (!entry.is_regular_file() || !(services_header || adapter)) continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator match(text.begin(), text.end(), named), end; match != end; ++match) {
      const std::string type = (*match)[1];
      const bool interface = type == "Store" || type == "UnitOfWork" || type == "TransactionMode" || type == "ChangeCounters" || type == "FileStore" ||
                             type.ends_with("Repository");
      EXPECT_TRUE(services_header && interface) << path << ": storage::" << type;
    }
    headers += services_header;
  }
  EXPECT_GT(headers, 20);
}

// Issue 10: untrusted JSON is read one way. nlohmann's value(key, default) throws when the member
// exists with another type (a 500), and a parse outside json/json_reader.cpp skips the depth and
// size limits; neither may come back.
TEST(Layers, UntrustedJsonIsParsedAndReadOnlyThroughTheTypedReader) {
  const std::filesystem::path server = DIPLOMADO_SERVER_SOURCE_DIR;
  const std::regex value_with_default(R"((\.|->)value\(\s*"[^"]*"\s*,)");
  const std::regex direct_parse(R"(json::(parse|sax_parse)\()");
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server)) {
    const auto path = entry.path().string();
    if (!entry.is_regular_file() || path.ends_with("_test.cpp") || !(path.ends_with(".cpp") || path.ends_with(".hpp"))) continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_FALSE(std::regex_search(text, value_with_default)) << path;
    if (!path.ends_with("json/json_reader.cpp")) {
      EXPECT_FALSE(std::regex_search(text, direct_parse)) << path;
    }
    ++files;
  }
  EXPECT_GT(files, 100);
}

// Every message key the server's code names exists in Spanish and in English.
TEST(Messages, EveryKeyUsedInTheCodeIsInBothLanguages) {
  const std::filesystem::path server = DIPLOMADO_SERVER_SOURCE_DIR;
  const std::regex key_pattern("\"((?:error|cli)\\.[a-z_.]*[a-z_])\"");
  std::set<std::string> keys;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(server)) {
    if (!entry.is_regular_file() || entry.path().string().ends_with("_test.cpp")) continue;
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator match(text.begin(), text.end(), key_pattern), end; match != end; ++match) keys.insert((*match)[1]);
  }
  EXPECT_GT(keys.size(), 30u);
  for (const auto& key : keys) EXPECT_TRUE(has_both_languages(key)) << key;
}

}  // namespace diplomado::http

namespace diplomado::http {

// Behind nginx every request comes from the proxy: its X-Forwarded-For names the client, but only
// the right-most entry the trusted proxy wrote can be believed; what the client wrote further
// left is not.
TEST(ClientAddress, FromATrustedProxysForwardedForOnly) {
  const std::vector<std::string> proxies = {"127.0.0.1", "10.0.0.2"};
  EXPECT_EQ(client_address_of("203.0.113.9", "198.51.100.1", proxies), "203.0.113.9") << "an untrusted peer is the client";
  EXPECT_EQ(client_address_of("127.0.0.1", "198.51.100.7", proxies), "198.51.100.7");
  EXPECT_EQ(client_address_of("127.0.0.1", "6.6.6.6, 198.51.100.7", proxies), "198.51.100.7") << "a forged left entry is ignored";
  EXPECT_EQ(client_address_of("127.0.0.1", "198.51.100.7, 10.0.0.2", proxies), "198.51.100.7") << "a chain of trusted proxies";
  EXPECT_EQ(client_address_of("127.0.0.1", "", proxies), "127.0.0.1");
  EXPECT_EQ(client_address_of("127.0.0.1", " , ,", proxies), "127.0.0.1");
  EXPECT_EQ(client_address_of("127.0.0.1", "198.51.100.7", {}), "127.0.0.1") << "no proxy trusted: the header means nothing";
  EXPECT_EQ(client_address_of("127.0.0.1", std::string(200, 'x'), proxies), "127.0.0.1") << "not an address";
}

}  // namespace diplomado::http
