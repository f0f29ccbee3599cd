#include "http/server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <restinio/all.hpp>

#include "http/problem.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"

namespace diplomado::http {

const std::vector<std::pair<std::string, std::string>>& security_headers() {
  static const std::vector<std::pair<std::string, std::string>> headers{
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  };
  return headers;
}

namespace {

// The largest body restinio reads at all; routes set their own lower limits and answer 413.
constexpr std::uint64_t transport_body_limit = 32 * 1024 * 1024;

bool port_is_free(const std::string& address, unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in socket_address{};
  socket_address.sin_family = AF_INET;
  socket_address.sin_port = htons(port);
  if (::inet_pton(AF_INET, address.c_str(), &socket_address.sin_addr) != 1) socket_address.sin_addr.s_addr = htonl(INADDR_ANY);
  const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&socket_address), sizeof socket_address) == 0;
  ::close(fd);
  return bound;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status < 500 ? "Client Error" : "Internal Server Error";
  }
}

std::string header_or_empty(const restinio::request_t& request, std::string_view name) {
  return std::string(request.header().get_field_or(std::string(name), ""));
}

restinio::request_handling_status_t handle(AppContext& app, const StaticFiles& files, const restinio::request_handle_t& request) {
  const auto& header = request->header();
  RequestContext context(app);
  context.method = parse_method(header.method().c_str());
  context.path = std::string(header.path());
  context.query = parse_query(header.query());
  context.body = request->body();
  context.content_type = header_or_empty(*request, "Content-Type");
  context.cookie_header = header_or_empty(*request, "Cookie");
  context.csrf_header = header_or_empty(*request, "X-CSRF-Token");
  context.if_match = header_or_empty(*request, "If-Match");
  context.client_address = request->remote_endpoint().address().to_string();
  context.language = pick_language(header_or_empty(*request, "Accept-Language"));

  HttpResponse response;
  const bool is_api = context.path == "/healthz" || context.path == "/api" || context.path.starts_with("/api/");
  try {
    if (is_api) {
      response = dispatch(context);
      response.headers.emplace_back("Cache-Control", "no-store");
    } else if (context.method != Method::get && context.method != Method::head) {
      response = problem_response(make_error(ErrorCode::not_found, "error.route_not_found"), context.language);
    } else if (auto file = files.serve(context.path)) {
      response = std::move(*file);
    } else {
      response = problem_response(make_error(ErrorCode::not_found, "error.route_not_found"), context.language);
    }
  } catch (const std::exception& error) {
    // A bug or a lost database: log the kind of failure (never the request's data) and answer 500.
    spdlog::error("request failed: {} {}: {}", header.method().c_str(), context.path, error.what());
    response = problem_response(make_error(ErrorCode::internal, "error.internal"), context.language);
  }

  auto builder = request->create_response(
      restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)}, reason_phrase(response.status)});
  for (const auto& [name, value] : security_headers()) builder.append_header(name, value);
  if (!response.content_type.empty()) builder.append_header(restinio::http_field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) builder.append_header(name, value);
  if (context.method != Method::head) builder.set_body(std::move(response.body));
  return builder.done();
}

}  // namespace

Result<void> serve(AppContext& app, const ServerOptions& options) {
  if (!port_is_free(options.address, options.port)) {
    Error error = make_error(ErrorCode::unavailable, "error.port_in_use");
    error.details.push_back({"port", std::nullopt, "port_in_use", "error.port_in_use", std::to_string(options.port)});
    return std::unexpected(error);
  }
  const StaticFiles files(options.web_root);
  if (files.size() == 0) spdlog::warn("no web app found at {}: only the API is served", options.web_root);

  using traits_t = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
  using server_t = restinio::http_server_t<traits_t>;
  restinio::impl::ioctx_on_thread_pool_t<restinio::impl::own_io_context_for_thread_pool_t> pool(std::max<std::size_t>(1, options.threads));

  auto settings = restinio::server_settings_t<traits_t>{}
                      .port(options.port)
                      .address(options.address)
                      .max_pipelined_requests(4)
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(transport_body_limit))
                      .request_handler([&app, &files](auto request) { return handle(app, files, request); });
  server_t server{restinio::external_io_context(pool.io_context()), std::move(settings)};

  std::exception_ptr failure;
  asio::signal_set stop_signals{server.io_context(), SIGINT, SIGTERM};
  stop_signals.async_wait([&](const asio::error_code& error, int) {
    if (error) return;
    server.close_async([&] { pool.stop(); }, [&](std::exception_ptr exception) { failure = exception; });
  });
  server.open_async([] {}, [&](std::exception_ptr exception) {
    failure = exception;
    pool.stop();
  });
  pool.start();
  pool.wait();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& exception) {
      Error error = make_error(ErrorCode::unavailable, "error.port_in_use");
      error.details.push_back({"port", std::nullopt, "listen_failed", "error.port_in_use", exception.what()});
      return std::unexpected(error);
    }
  }
  return {};
}

}  // namespace diplomado::http
