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
#include <atomic>
#include <mutex>
#include <unordered_set>
#include <chrono>
#include <limits>
#include <thread>

#include "http/problem.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "services/crypto.hpp"
#include "services/files.hpp"

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

// Each connection runs on a strand of its own, named by its concrete type: asio's type-erased
// any_io_executor cost an allocation or two per operation on the hot path.
using Strand = asio::strand<asio::io_context::executor_type>;
using Socket = asio::basic_stream_socket<tcp, Strand>;
template <class T>
using Task = asio::awaitable<T, Strand>;
constexpr asio::use_awaitable_t<Strand> on_strand;
auto checked(beast::error_code& error) { return asio::redirect_error(on_strand, error); }

// Headers (request line, cookies included) may take this much; a larger header gets 431.
constexpr std::uint32_t header_limit = 16 * 1024;
// A refused body is read and dropped for at most this long, and at most this much.
constexpr auto linger_timeout = 5s;
constexpr std::size_t linger_bytes = 64 * 1024 * 1024;
// Read in steps of at most this much: the buffer in front of the parser never grows beyond it.
constexpr std::size_t read_buffer_limit = 64 * 1024;

std::int64_t steady_milliseconds() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string header_text(const bhttp::request_header<>& header, bhttp::field name) {
  const auto found = header.find(name);
  return found == header.end() ? std::string() : std::string(found->value());
}

// The request line and headers, in the form handlers see. The body comes later, if admitted.
RequestContext context_from(AppContext& app, const bhttp::request_parser<bhttp::empty_body>& parser, const std::string& client_address) {
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
  context.accepts_gzip = header_text(header, bhttp::field::accept_encoding).find("gzip") != std::string::npos;
  context.client_address = client_address_of(client_address, std::string_view(header["X-Forwarded-For"]), app.trusted_proxies);
  context.language = pick_language(header_text(header, bhttp::field::accept_language));
  return context;
}

const char* reason_phrase(int status) {
  switch (status) {
    case 100: return "Continue";
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
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return status < 500 ? "Client Error" : "Internal Server Error";
  }
}

// A header value never carries a line break: it could not end the header early.
void append_header(std::string& head, std::string_view name, std::string_view value) {
  head.append(name).append(": ");
  for (const char c : value) head.push_back(c == '\r' || c == '\n' ? ' ' : c);
  head.append("\r\n");
}

// The status line and headers of a response, written straight into one string (the body goes
// out beside it, uncopied): the security headers are the same every time and are formatted once.
std::string response_head(const HttpResponse& response, unsigned version, bool keep_alive) {
  static const std::string fixed = [] {
    std::string text;
    for (const auto& [name, value] : security_headers()) append_header(text, name, value);
    return text;
  }();
  std::string head;
  head.reserve(256 + fixed.size());
  head.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(response.status)).append(" ").append(reason_phrase(response.status)).append("\r\n");
  head.append(fixed);
  if (!response.content_type.empty()) append_header(head, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) append_header(head, name, value);
  // HEAD answers with the length of the body a GET would carry, and no body.
  append_header(head, "Content-Length", std::to_string(response.length()));
  if (!keep_alive) head.append("Connection: close\r\n");
  else if (version == 10) head.append("Connection: keep-alive\r\n");
  head.append("\r\n");
  return head;
}

HttpResponse answer_unrouted(const RequestContext& context, const StaticFiles& files) {
  if (context.method == Method::get || context.method == Method::head) {
    if (auto file = files.serve(context.path, context.accepts_gzip)) return std::move(*file);
  }
  return problem_response(make_error(ErrorCode::not_found, "error.route_not_found"), context.language);
}

// A lost database answers 503 (and the client may retry); anything else is a bug, 500. Either
// way the log names the kind of failure, never the request's data.
template <class Function>
HttpResponse guarded(const RequestContext& context, Function&& function) {
  try {
    return function();
  } catch (const std::exception& error) {
    bool reachable = false;
    try {
      reachable = context.app.store.reachable();
    } catch (const std::exception&) {
      // No connection could even be leased: unreachable.
    }
    if (!reachable) {
      spdlog::warn("request failed: the database is unreachable");
      return problem_response(make_error(ErrorCode::unavailable, "error.database.unavailable"), context.language);
    }
    spdlog::error("request failed: {} {}: {}", static_cast<int>(context.method), context.path, error.what());
    return problem_response(make_error(ErrorCode::internal, "error.internal"), context.language);
  }
}

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Socket socket, AppContext& app, const StaticFiles& files, const ServerOptions& options)
      : m_socket(std::move(socket)), m_app(app), m_files(files), m_options(options) {
    beast::error_code ignored;
    const auto endpoint = m_socket.remote_endpoint(ignored);
    if (!ignored) m_client_address = endpoint.address().to_string();
  }

  // Called by the watchdog (on any thread): past its deadline, the connection is closed on its own
  // strand, which ends whatever read or write it was waiting for.
  void close_if_late(std::int64_t now) {
    const auto deadline = m_deadline.load(std::memory_order_relaxed);
    if (deadline == 0 || deadline > now) return;
    asio::post(m_socket.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->m_socket.close(ignored);
    });
  }

  // Whether a request is being read, handled or answered (from the end of its header on).
  bool busy() const { return m_busy.load(std::memory_order_acquire); }
  // The server is stopping: an idle connection is closed now, a busy one after its answer.
  void stop() {
    m_stopping.store(true, std::memory_order_release);
    asio::post(m_socket.get_executor(), [self = shared_from_this()] {
      if (self->busy()) return;
      beast::error_code ignored;
      self->m_socket.close(ignored);
    });
  }

  Task<void> run() {
    beast::error_code error;
    for (;;) {
      bhttp::request_parser<bhttp::empty_body> head;
      head.header_limit(header_limit);
      // The header alone is read here; the route's limit is applied to the declared length by
      // admit() and to the bytes themselves by the body parser below.
      head.body_limit(std::numeric_limits<std::uint64_t>::max());
      expire_after(m_options.header_timeout);
      co_await bhttp::async_read_header(m_socket, m_buffer, head, checked(error));
      m_busy.store(true, std::memory_order_release);
      const auto started = std::chrono::steady_clock::now();
      if (error == bhttp::error::header_limit) {
        RequestContext context(m_app);
        co_await send(problem_response(make_error(ErrorCode::header_too_large, "error.header_too_large"), context.language), Method::get, 11, false);
        break;
      }
      if (error) break;  // closed, timed out or not HTTP: nothing to answer

      // No deadline while the server itself works on the request; the next read or write sets one.
      m_deadline.store(0, std::memory_order_relaxed);
      RequestContext context = context_from(m_app, head, m_client_address);
      const unsigned version = head.get().version();
      bool keep_alive = head.get().keep_alive();
      // The API, and the issuer's DID document (did:web fixes its address: /.well-known/did.json).
      const bool is_api = context.path == "/healthz" || context.path == "/readyz" || context.path == "/metrics" || context.path == "/api" || context.path.starts_with("/api/") || context.path == "/.well-known/did.json";

      HttpResponse response;
      const Route* route = nullptr;
      // Whether a body was sent and left unread (refused from its headers, or cut off).
      bool body_unread = context.has_body;
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
        route = admission.matched;
        if (!admission.route) {
          if (admission.refusal) response = std::move(*admission.refusal);
          // The body was not read: the connection cannot carry another request after it.
          if (context.has_body) keep_alive = false;
        } else {
          bool body_read = true;
          if (context.has_body) {
            if (head.get()[bhttp::field::expect] == "100-continue") {
              static constexpr std::string_view go_on = "HTTP/1.1 100 Continue\r\n\r\n";
              co_await asio::async_write(m_socket, asio::buffer(go_on), checked(error));
              if (error) break;
            }
            // The body is read within the route's limit; a chunked body is cut off where it passes it.
            const auto read_within_limit = [&](auto& parser) -> Task<beast::error_code> {
              beast::error_code read_error;
              parser.body_limit(admission.route->max_body_bytes);
              expire_after(m_options.body_timeout);
              co_await bhttp::async_read(m_socket, m_buffer, parser, checked(read_error));
              co_return read_error;
            };
            std::optional<services::Upload> upload;
            bool spool_failed = false;
            if (admission.route->body == BodyKind::file) {
              // A file goes to the file store's spool as it arrives: a 16 MiB spreadsheet never
              // sits whole in the heap, and keeping it is a rename.
              upload.emplace(m_app.store.files().spool_path());
              bhttp::request_parser<bhttp::file_body> parser(std::move(head));
              parser.get().body().open(upload->path().c_str(), beast::file_mode::write_new, error);
              if (!error) {
                error = co_await read_within_limit(parser);
                beast::error_code closed;
                parser.get().body().file().close(closed);
              } else {
                spdlog::error("request failed: the file store's spool cannot be written");
                spool_failed = true;
              }
            } else {
              bhttp::request_parser<bhttp::string_body> parser(std::move(head));
              error = co_await read_within_limit(parser);
              if (!error) context.body = std::move(parser.get().body());
            }
            if (spool_failed || error == bhttp::error::body_limit) {
              // Not read (or not whole): answered, and the connection ends after the answer.
              response = spool_failed ? problem_response(make_error(ErrorCode::unavailable, "error.files.unavailable"), context.language)
                                      : payload_too_large(*admission.route, context.language);
              keep_alive = false;
              body_read = false;
            } else if (error) {
              break;
            } else {
              body_unread = false;
              if (upload) {
                if (auto mapped = upload->map(); !mapped) {
                  response = problem_response(mapped.error(), context.language);
                  body_read = false;
                } else {
                  context.upload = std::move(upload);
                }
              }
            }
            m_deadline.store(0, std::memory_order_relaxed);
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
      // Stopping: this answer is the connection's last.
      if (m_stopping.load(std::memory_order_acquire)) keep_alive = false;
      const int status = response.status;
      // A routed answer has its id already (respond() opens the audit scope with it); a refusal,
      // an unknown route or a file of the web app gets one here, so every log line has one.
      auto request_id = header_value(response, "X-Request-Id");
      if (request_id.empty()) {
        request_id = services::random_hex(8);
        response.headers.emplace_back("X-Request-Id", request_id);
      }
      co_await send(std::move(response), context.method, version, keep_alive);
      account(context, route ? route->pattern : (is_api ? "unmatched" : "web"), status, request_id, started);
      m_busy.store(false, std::memory_order_release);
      if (m_failed) break;
      if (!keep_alive) {
        if (body_unread) co_await linger();
        break;
      }
    }
    beast::error_code ignored;
    m_socket.shutdown(tcp::socket::shutdown_both, ignored);
  }

 private:
  static std::string header_value(const HttpResponse& response, std::string_view name) {
    for (const auto& [key, value] : response.headers)
      if (key == name) return value;
    return {};
  }

  // Counts the answer (/metrics) and, when asked, logs one JSON line: the route's pattern, never
  // the path, so no identifier, query or anything personal reaches the log.
  void account(const RequestContext& context, const std::string& route, int status, const std::string& request_id,
               std::chrono::steady_clock::time_point started) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::string method = method_name(context.method);
    if (m_app.metrics) m_app.metrics->observe(method, route, status, seconds);
    if (m_app.request_log)
      m_app.request_log->info(R"("event":"request","request_id":"{}","method":"{}","route":"{}","status":{},"ms":{:.3f}}})", request_id, method,
                              route, status, seconds * 1000);
  }

  void expire_after(std::chrono::milliseconds timeout) { m_deadline.store(steady_milliseconds() + timeout.count(), std::memory_order_relaxed); }

  // After refusing a request whose body was not read: stop sending, then read and drop what the
  // client still sends, into a small fixed buffer and for a few seconds at most, so that it reads
  // the answer instead of a connection reset (what nginx calls a lingering close).
  Task<void> linger() {
    beast::error_code error;
    m_socket.shutdown(tcp::socket::shutdown_send, error);
    std::array<char, 16 * 1024> sink;
    std::size_t drained = 0;
    expire_after(linger_timeout);
    while (!error && drained < linger_bytes)
      drained += co_await m_socket.async_read_some(asio::buffer(sink), checked(error));
  }

  Task<void> send(HttpResponse response, Method method, unsigned version, bool keep_alive) {
    const std::string head = response_head(response, version, keep_alive);
    const bool body = method != Method::head;
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(head), asio::buffer(body && !response.file ? std::string_view(response.body) : std::string_view())};
    beast::error_code error;
    expire_after(m_options.body_timeout);
    co_await asio::async_write(m_socket, buffers, checked(error));
    if (body && response.file && !error) co_await send_file(*response.file, error);
    if (error) m_failed = true;
  }

  // A file body, 64 KiB at a time; each step has the body timeout to go out. A file that cannot be
  // read to its announced end fails the connection (the client sees a short body, never a wrong one).
  Task<void> send_file(const services::OpenFile& file, beast::error_code& error) {
    std::vector<char> chunk(64 * 1024);
    std::uint64_t sent = 0;
    while (!error && sent < file.size()) {
      const long count = file.read_at(sent, chunk.data(), static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), file.size() - sent)));
      if (count <= 0) {
        error = asio::error::broken_pipe;
        co_return;
      }
      expire_after(m_options.body_timeout);
      co_await asio::async_write(m_socket, asio::buffer(chunk.data(), static_cast<std::size_t>(count)), checked(error));
      sent += static_cast<std::uint64_t>(count);
    }
  }

  Socket m_socket;
  std::string m_client_address;
  // When this connection must have finished what it is doing (steady clock, milliseconds); the
  // watchdog closes it past then. A plain number, not a timer per operation: arming and
  // cancelling an asio timer around every read and write cost a third of /healthz's throughput.
  std::atomic<std::int64_t> m_deadline{0};
  beast::flat_buffer m_buffer{read_buffer_limit};
  AppContext& m_app;
  const StaticFiles& m_files;
  const ServerOptions& m_options;
  bool m_failed = false;
  std::atomic<bool> m_busy{false};
  std::atomic<bool> m_stopping{false};
};

// The open connections, for the watchdog. Touched once when a connection opens and once when it
// closes, and once a second by the watchdog.
class Connections {
 public:
  void add(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(m_mutex);
    m_open.insert(connection);
  }
  void remove(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(m_mutex);
    m_open.erase(connection);
  }
  void stop_all() {
    std::lock_guard lock(m_mutex);
    for (const auto& connection : m_open) connection->stop();
  }
  bool any_busy() {
    std::lock_guard lock(m_mutex);
    return std::ranges::any_of(m_open, [](const auto& connection) { return connection->busy(); });
  }
  void close_late() {
    const auto now = steady_milliseconds();
    std::lock_guard lock(m_mutex);
    for (const auto& connection : m_open) connection->close_if_late(now);
  }

 private:
  std::mutex m_mutex;
  std::unordered_set<std::shared_ptr<Connection>> m_open;
};

asio::awaitable<void> watchdog(Connections& connections) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    timer.expires_after(1s);
    beast::error_code error;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, error));
    if (error) co_return;
    connections.close_late();
  }
}

asio::awaitable<void> accept_loop(asio::io_context& context, tcp::acceptor& acceptor, AppContext& app, const StaticFiles& files, Connections& connections,
                                  const ServerOptions& options) {
  for (;;) {
    beast::error_code error;
    // Each connection runs on a strand of its own: its timer and its reads never overlap.
    Socket socket = co_await acceptor.async_accept(asio::make_strand(context), asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (error) continue;
    socket.set_option(tcp::no_delay(true), error);
    auto executor = socket.get_executor();
    auto connection = std::make_shared<Connection>(std::move(socket), app, files, options);
    connections.add(connection);
    asio::co_spawn(
        executor,
        [connection, &connections]() -> Task<void> {
          co_await connection->run();
          connections.remove(connection);
        },
        asio::detached);
  }
}

}  // namespace

Result<void> serve(AppContext& app, const ServerOptions& options) {
  // Large blocks (request bodies, big responses) are mapped and unmapped on their own, so the
  // memory a large request took is returned when it is freed; glibc's default threshold grows
  // with the largest block freed, after which such blocks would stay in the heap.
  ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  // Fixing that threshold also fixes the heap's trim threshold at 128 KiB, which made the heap
  // shrink and grow again on every list request (about a third of the participants list's
  // throughput); small blocks may keep a few MiB at the top of the heap instead.
  ::mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);

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

  if (options.on_listening) options.on_listening();
  const StaticFiles files(options.web_root);
  if (files.size() == 0) spdlog::warn("no web app found at {}: only the API is served", options.web_root);

  Connections connections;
  // A graceful stop: no new connections, idle ones closed, the requests in flight answered (each
  // as its connection's last), then the threads end.
  asio::signal_set stop_signals(context, SIGINT, SIGTERM);
  asio::steady_timer drain(context);
  const auto drain_until = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> wait_for_requests = [&] {
    if (!connections.any_busy() || std::chrono::steady_clock::now() >= *drain_until) {
      context.stop();
      return;
    }
    drain.expires_after(20ms);
    drain.async_wait([&](const beast::error_code&) { wait_for_requests(); });
  };
  stop_signals.async_wait([&](const beast::error_code& failure, int) {
    if (failure) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    connections.stop_all();
    *drain_until = std::chrono::steady_clock::now() + options.drain_timeout;
    wait_for_requests();
  });
  asio::co_spawn(context, accept_loop(context, acceptor, app, files, connections, options), asio::detached);
  asio::co_spawn(context, watchdog(connections), asio::detached);

  std::vector<std::thread> threads;
  for (std::size_t index = 1; index < std::max<std::size_t>(1, options.threads); ++index) threads.emplace_back([&context] { context.run(); });
  context.run();
  for (auto& thread : threads) thread.join();
  return {};
}

}  // namespace diplomado::http
