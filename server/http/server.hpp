#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "domain/error.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::string web_root;
  std::size_t threads = 4;
  // Called once the port is bound and listening (the place to say so in the log), never when it
  // could not be bound.
  std::function<void()> on_listening;
  // After SIGINT or SIGTERM: how long requests already being handled may take to finish.
  std::chrono::milliseconds drain_timeout{10000};
  // How long a client may take to send a request's header, and then its body (and to take its
  // answer), before the connection is closed: a slow sender must not hold buffers for ever.
  // Checked once a second.
  std::chrono::seconds header_timeout{30};
  std::chrono::seconds body_timeout{120};
};

// Serves until SIGINT or SIGTERM, then stops accepting, closes idle connections, lets the
// requests in flight finish (up to drain_timeout) and returns. A port that cannot be bound is an
// error, not an exception.
Result<void> serve(AppContext& app, const ServerOptions& options);

// The headers every response carries (a CSP without unsafe-inline, nosniff, no framing, no referrer).
const std::vector<std::pair<std::string, std::string>>& security_headers();

}  // namespace diplomado::http
