#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace diplomado::http {

TEST(Metrics, CountsAnswersByRouteAndStatusWithACumulativeHistogram) {
  Metrics metrics;
  metrics.observe("GET", "/api/v1/programmes/{programme_id}", 200, 0.0004);
  metrics.observe("GET", "/api/v1/programmes/{programme_id}", 200, 0.003);
  metrics.observe("GET", "/api/v1/programmes/{programme_id}", 404, 20.0);
  const auto text = metrics.prometheus_text({8, 3}, "1.2.3");
  EXPECT_NE(text.find("diplomado_build_info{version=\"1.2.3\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_db_pool_connections 8\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_db_pool_in_use 3\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_requests_total{method=\"GET\",route=\"/api/v1/programmes/{programme_id}\",status=\"200\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_requests_total{method=\"GET\",route=\"/api/v1/programmes/{programme_id}\",status=\"404\"} 1\n"), std::string::npos);
  const std::string labels = "method=\"GET\",route=\"/api/v1/programmes/{programme_id}\"";
  // 0.4 ms falls in the first bucket, 3 ms in the 5 ms one, 20 s only in +Inf; buckets add up.
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_bucket{" + labels + ",le=\"0.0005\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_bucket{" + labels + ",le=\"0.0025\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_bucket{" + labels + ",le=\"5\"} 2\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("diplomado_http_request_duration_seconds_count{" + labels + "} 3\n"), std::string::npos);
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.observe("GET", "a\"b\\c\nd", 200, 0.001);
  EXPECT_NE(metrics.prometheus_text({1, 0}, "x").find(R"(route="a\"b\\c\nd")"), std::string::npos);
}

}  // namespace diplomado::http
