#pragma once
// The one route table: every route names its method, its path, the permission it needs and its
// handler. The dispatcher enforces the permission before the handler runs.
#include <functional>
#include <string>
#include <vector>

#include "domain/permission.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

using Handler = std::function<HttpResponse(RequestContext&)>;

struct Route {
  Method method;
  std::string pattern;  // segments; "{name}" captures one segment
  Permission permission;
  Handler handler;
  std::size_t max_body_bytes = 64 * 1024;
};

const std::vector<Route>& route_table();

// Matches path against a pattern; fills parameters on success.
bool match_route(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& parameters);

// Runs the whole pipeline for one request: match, body limit, session, CSRF, permission, handler.
// Paths outside /api/ and /healthz are not routes: the caller serves the web app for them.
HttpResponse dispatch(RequestContext& context);

inline constexpr std::string_view session_cookie_name = "diplomado_session";

}  // namespace diplomado::http
