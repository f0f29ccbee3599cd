#pragma once
// Errors to HTTP: one table from ErrorCode to status, and RFC 9457 problem+json bodies whose
// texts are in the user's language.
#include "domain/error.hpp"
#include "http/request_context.hpp"

namespace diplomado::http {

int status_for(ErrorCode code);
std::string problem_type(ErrorCode code);
HttpResponse problem_response(const Error& error, Language language);
HttpResponse json_response(int status, std::string body);

}  // namespace diplomado::http
