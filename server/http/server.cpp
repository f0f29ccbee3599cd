// The HTTP transport: Boost.Beast over Boost.Asio, one coroutine per connection.
//
// Why Beast and not restinio (the stack's first choice): restinio 0.6.16, Debian 12's, reads every
// body whole before it calls the request handler, reserves the declared Content-Length up front,
// has one limit for the whole server and answers a body over it by closing the connection. The
// request contract (issue 10) needs the opposite order: the route, its limit, its content type and
// the session are decided from the headers, and only then is the body read, into a buffer bounded
// by that route's limit. Beast's request_parser reads the header alone (async_read_header), lets
// each request set its own body_limit, and cuts a chunked body off when it passes it.
#include "http/server.hpp"

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <chrono>
#include <limits>
#include <thread>

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

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// Headers (request line, cookies included) may take this much; a larger header gets 431.
constexpr std::uint32_t header_limit = 16 * 1024;
// How long a client may take to send a request's header, and then its body, before the
// connection is closed (a slow sender must not hold a thread's buffers for ever).
constexpr auto header_timeout = 30s;
constexpr auto body_timeout = 120s;
// A refused body is read and dropped for at most this long, and at most this much.
constexpr auto linger_timeout = 5s;
constexpr std::size_t linger_bytes = 64 * 1024 * 1024;
// Read in steps of at most this much: the buffer in front of the parser never grows beyond it.
constexpr std::size_t read_buffer_limit = 64 * 1024;

std::string header_text(const bhttp::request_header<>& header, bhttp::field name) {
  const auto found = header.find(name);
  return found == header.end() ? std::string() : std::string(found->value());
}

// The request line and headers, in the form handlers see. The body comes later, if admitted.
RequestContext context_from(AppContext& app, const bhttp::request_parser<bhttp::empty_body>& parser, const tcp::socket& socket) {
  const auto& header = parser.get();
  RequestContext context(app);
  context.method = parse_method(std::string_view(header.method_string().data(), header.method_string().size()));
  const std::string_view target(header.target().data(), header.target().size());
  const auto question = target.find('?');
  context.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) context.query = parse_query(target.substr(question + 1));
  if (const auto length = parser.content_length()) context.declared_length = *length;
  context.has_body = parser.chunked() || parser.content_length().value_or(0) > 0;
  context.content_type = header_text(header, bhttp::field::content_type);
  context.cookie_header = header_text(header, bhttp::field::cookie);
  context.csrf_header = std::string(header["X-CSRF-Token"]);
  context.if_match = header_text(header, bhttp::field::if_match);
  beast::error_code ignored;
  const auto endpoint = socket.remote_endpoint(ignored);
  if (!ignored) context.client_address = endpoint.address().to_string();
  context.language = pick_language(header_text(header, bhttp::field::accept_language));
  return context;
}

bhttp::response<bhttp::string_body> to_beast(HttpResponse response, Method method, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
  for (const auto& [name, value] : security_headers()) out.set(name, value);
  if (!response.content_type.empty()) out.set(bhttp::field::content_type, response.content_type);
  for (const auto& [name, value] : response.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  // HEAD: the length of the body a GET would carry, and no body.
  out.content_length(response.body.size());
  if (method != Method::head) out.body() = std::move(response.body);
  return out;
}

HttpResponse answer_unrouted(const RequestContext& context, const StaticFiles& files) {
  if (context.method == Method::get || context.method == Method::head) {
    if (auto file = files.serve(context.path)) return std::move(*file);
  }
  return problem_response(make_error(ErrorCode::not_found, "error.route_not_found"), context.language);
}

// A bug or a lost database: log the kind of failure (never the request's data) and answer 500.
template <class Function>
HttpResponse guarded(const RequestContext& context, Function&& function) {
  try {
    return function();
  } catch (const std::exception& error) {
    spdlog::error("request failed: {} {}: {}", static_cast<int>(context.method), context.path, error.what());
    return problem_response(make_error(ErrorCode::internal, "error.internal"), context.language);
  }
}

class Connection {
 public:
  Connection(tcp::socket socket, AppContext& app, const StaticFiles& files) : m_stream(std::move(socket)), m_app(app), m_files(files) {}

  asio::awaitable<void> run() {
    beast::error_code error;
    for (;;) {
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(header_limit);
      // The header alone is read here; the route's limit is applied to the declared length by
      // admit() and to the bytes themselves by the body parser below.
      head.body_limit(std::numeric_limits<std::uint64_t>::max());
      m_stream.expires_after(header_timeout);
      co_await bhttp::async_read_header(m_stream, m_buffer, head, asio::redirect_error(asio::use_awaitable, error));
      if (error == bhttp::error::header_limit) {
        RequestContext context(m_app);
        co_await send(problem_with_status(431, "error.header_too_large", context.language), Method::get, 11, false);
        break;
      }
      if (error) break;  // closed, timed out or not HTTP: nothing to answer

      RequestContext context = context_from(m_app, head, m_stream.socket());
      const unsigned version = head.get().version();
      bool keep_alive = head.get().keep_alive();
      const bool is_api = context.path == "/healthz" || context.path == "/api" || context.path.starts_with("/api/");

      HttpResponse response;
      if (!is_api) {
        // The web app takes no bodies: whatever was sent is not read, so the connection ends.
        if (context.has_body) keep_alive = false;
        response = guarded(context, [&] { return answer_unrouted(context, m_files); });
      } else {
        Admission admission;
        response = guarded(context, [&] {
          admission = admit(context);
          return HttpResponse{};
        });
        if (!admission.route) {
          if (admission.refusal) response = std::move(*admission.refusal);
          // The body was not read: the connection cannot carry another request after it.
          if (context.has_body) keep_alive = false;
        } else {
          bool body_read = true;
          if (context.has_body) {
            if (head.get()[bhttp::field::expect] == "100-continue") {
              bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, version};
              co_await bhttp::async_write(m_stream, go_on, asio::redirect_error(asio::use_awaitable, error));
              if (error) break;
            }
            bhttp::request_parser<bhttp::string_body> parser(std::move(head));
            parser.body_limit(admission.route->max_body_bytes);
            m_stream.expires_after(body_timeout);
            co_await bhttp::async_read(m_stream, m_buffer, parser, asio::redirect_error(asio::use_awaitable, error));
            if (error == bhttp::error::body_limit) {
              // A chunked body cut off where it passed the limit.
              response = payload_too_large(*admission.route, context.language);
              keep_alive = false;
              body_read = false;
            } else if (error) {
              break;
            } else {
              context.body = std::move(parser.get().body());
            }
          }
          if (body_read) response = guarded(context, [&] { return respond(*admission.route, context); });
          // A large body's memory goes back to the system at once rather than staying in the heap.
          if (context.body.size() > 1024 * 1024) {
            context.body.clear();
            context.body.shrink_to_fit();
            ::malloc_trim(0);
          }
        }
        response.headers.emplace_back("Cache-Control", "no-store");
      }
      co_await send(std::move(response), context.method, version, keep_alive);
      if (m_failed) break;
      if (!keep_alive) {
        if (context.has_body && context.body.empty()) co_await linger();
        break;
      }
    }
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

 private:
  static HttpResponse problem_with_status(int status, const char* key, Language language) {
    auto response = problem_response(make_error(ErrorCode::invalid_input, key), language);
    response.status = status;
    return response;
  }

  // After refusing a request whose body was not read: stop sending, then read and drop what the
  // client still sends, into a small fixed buffer and for a few seconds at most, so that it reads
  // the answer instead of a connection reset (what nginx calls a lingering close).
  asio::awaitable<void> linger() {
    beast::error_code error;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, error);
    std::array<char, 16 * 1024> sink;
    std::size_t drained = 0;
    m_stream.expires_after(linger_timeout);
    while (!error && drained < linger_bytes)
      drained += co_await m_stream.async_read_some(asio::buffer(sink), asio::redirect_error(asio::use_awaitable, error));
  }

  asio::awaitable<void> send(HttpResponse response, Method method, unsigned version, bool keep_alive) {
    auto message = to_beast(std::move(response), method, version, keep_alive);
    beast::error_code error;
    m_stream.expires_after(body_timeout);
    co_await bhttp::async_write(m_stream, message, asio::redirect_error(asio::use_awaitable, error));
    if (error) m_failed = true;
  }

  beast::tcp_stream m_stream;
  beast::flat_buffer m_buffer{read_buffer_limit};
  AppContext& m_app;
  const StaticFiles& m_files;
  bool m_failed = false;
};

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, AppContext& app, const StaticFiles& files) {
  for (;;) {
    beast::error_code error;
    // Each connection runs on a strand of its own: its timer and its reads never overlap.
    tcp::socket socket = co_await acceptor.async_accept(asio::make_strand(acceptor.get_executor()), asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (error) continue;
    socket.set_option(tcp::no_delay(true), error);
    auto executor = socket.get_executor();
    asio::co_spawn(
        executor,
        [connection = std::make_shared<Connection>(std::move(socket), app, files)]() -> asio::awaitable<void> { co_await connection->run(); },
        asio::detached);
  }
}

}  // namespace

Result<void> serve(AppContext& app, const ServerOptions& options) {
  // Large blocks (request bodies, big responses) are mapped and unmapped on their own, so the
  // memory a large request took is returned when it is freed; glibc's default threshold grows
  // with the largest block freed, after which such blocks would stay in the heap.
  ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);

  asio::io_context context(static_cast<int>(std::max<std::size_t>(1, options.threads)));
  tcp::acceptor acceptor(context);
  beast::error_code error;
  auto address = asio::ip::make_address(options.address, error);
  if (error) address = asio::ip::address_v4::any();
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), error);
  if (!error) acceptor.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor.bind(endpoint, error);
  if (!error) acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    Error refused = make_error(ErrorCode::unavailable, "error.port_in_use");
    refused.details.push_back({"port", std::nullopt, "port_in_use", "error.port_in_use", std::to_string(options.port)});
    return std::unexpected(refused);
  }

  const StaticFiles files(options.web_root);
  if (files.size() == 0) spdlog::warn("no web app found at {}: only the API is served", options.web_root);

  asio::signal_set stop_signals(context, SIGINT, SIGTERM);
  stop_signals.async_wait([&](const beast::error_code& failure, int) {
    if (failure) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    context.stop();
  });
  asio::co_spawn(context, accept_loop(acceptor, app, files), asio::detached);

  std::vector<std::thread> threads;
  for (std::size_t index = 1; index < std::max<std::size_t>(1, options.threads); ++index) threads.emplace_back([&context] { context.run(); });
  context.run();
  for (auto& thread : threads) thread.join();
  return {};
}

}  // namespace diplomado::http
