#include "http/handlers/handlers.hpp"

namespace diplomado::http {

// Liveness only: answers without touching storage, so a load balancer's probe stays cheap.
HttpResponse handle_health(RequestContext&) { return HttpResponse{200, "application/json", R"({"status":"ok"})", {}}; }

}  // namespace diplomado::http
