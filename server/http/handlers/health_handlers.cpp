#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"

namespace diplomado::http {

// Liveness only: answers without touching storage, so a load balancer's probe stays cheap.
HttpResponse handle_health(RequestContext&) { return HttpResponse{200, "application/json", R"({"status":"ok"})", {}}; }

// Readiness: the database answers (the server serves only after its migrations ran, so a server
// that answers at all has them). A load balancer sends no traffic here while this says 503.
HttpResponse handle_ready(RequestContext& context) {
  if (context.store().reachable()) return HttpResponse{200, "application/json", R"({"status":"ready"})", {{"Cache-Control", "no-store"}}};
  auto response = problem_response(make_error(ErrorCode::unavailable, "error.database.unavailable"), context.language);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace diplomado::http
