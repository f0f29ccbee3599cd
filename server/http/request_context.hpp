#pragma once
// What a handler sees of a request, and what it answers. Handlers do not include Beast: only
// server.cpp does, which keeps them quick to compile and easy to test.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/consent.hpp"
#include "domain/error.hpp"
#include "domain/messages.hpp"
#include "domain/permission.hpp"
#include "domain/time.hpp"
#include "http/metrics.hpp"
#include "http/response_memo.hpp"
#include "services/credential_proof.hpp"
#include "services/rate_limit.hpp"
#include "services/read_cache.hpp"
#include "services/session_cache.hpp"
#include "services/sign_in.hpp"
#include "services/files.hpp"
#include "services/store.hpp"

namespace spdlog {
class logger;
}

namespace diplomado::http {

enum class Method { get, post, put, patch, delete_, head, other };

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body sent from a file instead of `body` (an attachment, a ZIP of certificates), 64 KiB at a
  // time: a download of any size never sits in memory.
  std::shared_ptr<const services::OpenFile> file = nullptr;

  std::uint64_t length() const { return file ? file->size() : body.size(); }
};

// What every handler may use: the storage and the sign-in guard, and settings.
struct AppContext {
  services::Store& store;
  services::SignInGuard& sign_in_guard;
  services::SessionCache& sessions;
  services::ReadCache& reads;
  ResponseMemo& responses;
  bool secure_cookies = false;
  std::function<TimePoint()> now;
  // The installation's public address: certificates' QR codes point to public_url + "/verify/...".
  std::string public_url = "http://localhost:8080";
  // The public certificate check's budget per client address.
  services::RateLimit* verify_limit = nullptr;
  // The issuer's keys: the current one signs credentials and the status list, all are published;
  // none: those routes answer 503.
  const services::IssuerKeys* issuer_keys = nullptr;
  // Counts under it are hidden in what is shared outside the programme (the donor's report).
  std::int64_t small_cell_threshold = 5;
  // Each answer is counted here (/metrics); none: not counted.
  Metrics* metrics = nullptr;
  // Where one JSON line per answer goes (time, request id, method, route, status, milliseconds);
  // none: not logged.
  spdlog::logger* request_log = nullptr;
  // The build's version (/metrics).
  std::string version;
  // Reverse proxies whose X-Forwarded-For names the client (nginx in front): without them, every
  // client behind the proxy would share one sign-in throttle and one rate limit.
  std::vector<std::string> trusted_proxies = {};
  // The installation's privacy notice, which every user accepts (Ley 81); none: the consent
  // routes answer 503.
  const services::ConsentNotice* consent_notice = nullptr;
};

struct RequestContext {
  explicit RequestContext(AppContext& application) : app(application), m_store(application.store) {}

  AppContext& app;
  // What handlers pass to use cases (see RequestStore).
  services::RequestStore& store() { return m_store; }
  Method method = Method::get;
  std::string path;
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> path_parameters;
  std::string body;
  // A file route's body (BodyKind::file): spooled to the file store's spool as it arrived, never
  // held whole in the heap; respond() spools a body given in memory (the test pipeline) likewise.
  std::optional<services::Upload> upload;
  // From the headers, before the body is read: the declared Content-Length (none when chunked or
  // absent), and whether a body follows at all.
  std::optional<std::uint64_t> declared_length;
  bool has_body = false;
  std::string content_type;
  std::string cookie_header;
  std::string csrf_header;
  std::string if_match;
  bool accepts_gzip = false;  // Accept-Encoding names gzip
  std::string client_address;
  Language language = Language::es;

  // Filled in by the dispatcher for routes that need a signed-in user.
  std::optional<Actor> actor;
  std::string session_token;
  std::string session_csrf_token;

  std::optional<std::string_view> query_value(const std::string& name) const;
  std::string cookie(std::string_view name) const;

 private:
  services::RequestStore m_store;
};

bool is_state_changing(Method method);
Method parse_method(std::string_view text);
// The method's name as HTTP writes it ("OTHER" for one the server does not serve).
const char* method_name(Method method);
std::map<std::string, std::string> parse_query(std::string_view query);
// The client's address for throttling and rate limits. Behind a reverse proxy every request
// comes from the proxy, so when the peer is one of `trusted_proxies` the address is taken from
// X-Forwarded-For: its right-most entry that is not itself a trusted proxy (entries further left
// are the client's own say, and anyone can write them). Otherwise, and when the header is absent
// or empty, the peer's own address.
std::string client_address_of(std::string_view peer, std::string_view forwarded_for, const std::vector<std::string>& trusted_proxies);
std::string percent_decode(std::string_view text);

}  // namespace diplomado::http
