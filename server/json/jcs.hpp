#pragma once
// The JSON Canonicalization Scheme (RFC 8785): the one serialisation a Data Integrity proof with
// the eddsa-jcs-2022 cryptosuite signs (issue 13). Members sorted by their names' UTF-16 code
// units, no whitespace, strings escaped as ECMAScript's JSON.stringify does, numbers written as
// ECMAScript writes a double (shortest round trip; "1e+21", "1e-7", "0.000001").
#include <string>

#include <nlohmann/json.hpp>

namespace diplomado {

std::string canonical_json(const nlohmann::json& value);
// One double as ECMAScript's Number.prototype.toString writes it (finite values only; -0 is "0").
std::string ecmascript_number(double value);

}  // namespace diplomado
