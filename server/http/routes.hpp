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

// What a route takes as its body: JSON, or a file's own bytes (a spreadsheet to import, a PDF),
// whose kind the use case finds from its content, whatever the Content-Type says.
enum class BodyKind { json, file };

struct Route {
  Method method;
  std::string pattern;  // segments; "{name}" captures one segment
  Permission permission;
  Handler handler;
  std::size_t max_body_bytes = 64 * 1024;
  BodyKind body = BodyKind::json;
};

const std::vector<Route>& route_table();

// What the dispatcher decides from the request line and the headers alone, before a byte of the
// body is read: the route, or the answer that refuses the request (404, 405, 401, 403, 413, 415).
struct Admission {
  const Route* route = nullptr;
  std::optional<HttpResponse> refusal;
  // The route the request matched, admitted or not (the logs and /metrics name it).
  const Route* matched = nullptr;
};
Admission admit(RequestContext& context);

// Runs an admitted route's handler once its body has been read within the route's limit.
HttpResponse respond(const Route& route, RequestContext& context);

// The body limit's refusal, naming the limit (rounded up to whole MiB or KiB).
HttpResponse payload_too_large(const Route& route, Language language);

// Matches path against a pattern; fills parameters on success.
bool match_route(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& parameters);

// Runs the whole pipeline for one request whose body is already in the context: admit, then
// respond. Paths outside /api/ and /healthz are not routes: the caller serves the web app for them.
HttpResponse dispatch(RequestContext& context);

inline constexpr std::string_view session_cookie_name = "diplomado_session";

}  // namespace diplomado::http
