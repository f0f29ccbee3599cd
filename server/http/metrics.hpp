#pragma once
// What /metrics exposes in Prometheus' text format (version 0.0.4): for each route, the answers
// counted by status and a histogram of the time each took; the database pool; the build. Routes
// are named by their pattern (/api/v1/programmes/{programme_id}), never by the path asked for,
// so no identifier and nothing personal reaches the metrics.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace diplomado::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (the last bucket, +Inf, is implicit).
  static constexpr std::array<double, 12> bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5};

  void observe(const std::string& method, const std::string& route, int status, double seconds);

  struct Pool {
    std::size_t size = 0;
    std::size_t in_use = 0;
  };
  std::string prometheus_text(const Pool& pool, const std::string& version) const;

 private:
  struct Latency {
    std::array<std::uint64_t, bounds.size()> buckets{};  // not cumulative here; summed on output
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex m_mutex;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> m_answers;
  std::map<std::pair<std::string, std::string>, Latency> m_latency;
};

}  // namespace diplomado::http
