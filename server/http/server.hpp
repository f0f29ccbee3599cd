#pragma once
#include <string>

#include "domain/error.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::string web_root;
  std::size_t threads = 4;
};

// Serves until SIGINT or SIGTERM. A port that cannot be bound is an error, not an exception.
Result<void> serve(AppContext& app, const ServerOptions& options);

// The headers every response carries (a CSP without unsafe-inline, nosniff, no framing, no referrer).
const std::vector<std::pair<std::string, std::string>>& security_headers();

}  // namespace diplomado::http
