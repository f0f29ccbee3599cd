#include "http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace diplomado::http {
namespace {

// A label value as the text format wants it: backslash, double quote and line feed escaped.
std::string label(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped.push_back('\\');
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    escaped.push_back(c);
  }
  return escaped;
}

}  // namespace

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  const auto bucket = static_cast<std::size_t>(std::ranges::lower_bound(bounds, seconds) - bounds.begin());
  std::lock_guard lock(m_mutex);
  ++m_answers[{method, route, status}];
  auto& latency = m_latency[{method, route}];
  if (bucket < bounds.size()) ++latency.buckets[bucket];
  ++latency.count;
  latency.sum += seconds;
}

std::string Metrics::prometheus_text(const Pool& pool, const std::string& version) const {
  std::string text;
  text += "# HELP diplomado_build_info The running build.\n# TYPE diplomado_build_info gauge\n";
  text += fmt::format("diplomado_build_info{{version=\"{}\"}} 1\n", label(version));
  text += "# HELP diplomado_db_pool_connections Database connections in the pool.\n# TYPE diplomado_db_pool_connections gauge\n";
  text += fmt::format("diplomado_db_pool_connections {}\n", pool.size);
  text += "# HELP diplomado_db_pool_in_use Database connections lent out now.\n# TYPE diplomado_db_pool_in_use gauge\n";
  text += fmt::format("diplomado_db_pool_in_use {}\n", pool.in_use);
  std::lock_guard lock(m_mutex);
  text += "# HELP diplomado_http_requests_total Answers given, by route and status.\n# TYPE diplomado_http_requests_total counter\n";
  for (const auto& [key, count] : m_answers) {
    const auto& [method, route, status] = key;
    text += fmt::format("diplomado_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", label(method), label(route), status, count);
  }
  text += "# HELP diplomado_http_request_duration_seconds Time from the request's header to its answer.\n"
          "# TYPE diplomado_http_request_duration_seconds histogram\n";
  for (const auto& [key, latency] : m_latency) {
    const auto labels = fmt::format("method=\"{}\",route=\"{}\"", label(key.first), label(key.second));
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      cumulative += latency.buckets[i];
      text += fmt::format("diplomado_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n", labels, bounds[i], cumulative);
    }
    text += fmt::format("diplomado_http_request_duration_seconds_bucket{{{},le=\"+Inf\"}} {}\n", labels, latency.count);
    text += fmt::format("diplomado_http_request_duration_seconds_sum{{{}}} {}\n", labels, latency.sum);
    text += fmt::format("diplomado_http_request_duration_seconds_count{{{}}} {}\n", labels, latency.count);
  }
  return text;
}

}  // namespace diplomado::http
