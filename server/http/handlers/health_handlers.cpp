#include "http/handlers/handlers.hpp"
#include "http/problem.hpp"

namespace diplomado::http {

// Liveness only: answers without touching storage, so a load balancer's probe stays cheap.
HttpResponse handle_health(RequestContext&) { return HttpResponse{200, "application/json", R"({"status":"ok"})", {}}; }

// Prometheus' text format: per route, answers by status and a latency histogram; the pool; the
// build. Public like the probes (nothing personal, no identifiers); a proxy may keep it internal.
HttpResponse handle_metrics(RequestContext& context) {
  if (!context.app.metrics) return problem_response(make_error(ErrorCode::not_found, "error.route_not_found"), context.language);
  const auto [size, in_use] = context.store().pool_usage();
  return HttpResponse{200, "text/plain; version=0.0.4; charset=utf-8", context.app.metrics->prometheus_text({size, in_use}, context.app.version), {}};
}

// Readiness: the database answers (the server serves only after its migrations ran, so a server
// that answers at all has them). A load balancer sends no traffic here while this says 503.
HttpResponse handle_ready(RequestContext& context) {
  if (context.store().reachable()) return HttpResponse{200, "application/json", R"({"status":"ready"})", {{"Cache-Control", "no-store"}}};
  auto response = problem_response(make_error(ErrorCode::unavailable, "error.database.unavailable"), context.language);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace diplomado::http
