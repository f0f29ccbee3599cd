#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace diplomado::http {

TEST(Problem, OneStatusPerErrorCode) {
  struct Case {
    ErrorCode code;
    int status;
  };
  for (const auto& [code, status] : {Case{ErrorCode::invalid_input, 400}, Case{ErrorCode::unauthenticated, 401}, Case{ErrorCode::forbidden, 403},
                                     Case{ErrorCode::not_found, 404}, Case{ErrorCode::conflict, 409}, Case{ErrorCode::payload_too_large, 413},
                                     Case{ErrorCode::unsupported_media_type, 415}, Case{ErrorCode::too_many_requests, 429},
                                     Case{ErrorCode::internal, 500}})
    EXPECT_EQ(status_for(code), status) << to_string(code);
}

TEST(Problem, BodyIsProblemJsonInTheUsersLanguageNamingTheField) {
  auto error = field_error("email", "required", "error.field.required");
  error.retry_after_seconds = 30;
  const auto spanish = problem_response(error, Language::es);
  EXPECT_EQ(spanish.status, 400);
  EXPECT_EQ(spanish.content_type, "application/problem+json");
  const auto body = nlohmann::json::parse(spanish.body);
  EXPECT_EQ(body["title"], "Hay datos no válidos en la solicitud.");
  EXPECT_EQ(body["errors"][0]["field"], "email");
  EXPECT_EQ(body["errors"][0]["message"], "Este campo es obligatorio.");
  EXPECT_TRUE(body["errors"][0]["row"].is_null());
  const auto english = nlohmann::json::parse(problem_response(error, Language::en).body);
  EXPECT_EQ(english["errors"][0]["message"], "This field is required.");
  ASSERT_EQ(spanish.headers.size(), 1u);
  EXPECT_EQ(spanish.headers[0].first, "Retry-After");
}

}  // namespace diplomado::http
