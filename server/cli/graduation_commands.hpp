#pragma once
// diplomado eligibility | graduate (issue 13): who meets the requirements, with every reason and a
// what-if at other thresholds, and the class's graduation with a dry run.
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace diplomado::cli {

// format: json | csv (reasons written in the console's language). what_if: "attendance=75", ...
// Exit 0; 1 when the programme or a what-if term is wrong.
int run_eligibility(services::Store& store, const std::string& programme_code, const std::string& format, const std::vector<std::string>& what_if,
                    Console& console);
// Prints who graduates (JSON) and a one-line summary on the error stream; with dry_run, nothing
// changes. Exit 0 done, 1 the request failed.
int run_graduate(services::Store& store, const std::string& programme_code, bool dry_run, Console& console);

// diplomado certificates --programme CODE -o FILE.zip [--public-url URL]: issues what is due
// (new graduates, recognitions, corrected names; idempotent) and writes every current, unrevoked
// certificate as a PDF in one ZIP. Exit 0 done, 1 the request or the file failed.
int run_certificates(services::Store& store, const std::string& programme_code, const std::string& output, const std::string& public_url,
                     Console& console);

// `diplomado verify`: a credential's eddsa-jcs-2022 proof checked offline, saying why it fails
// (exit 0 valid, 2 not valid, 1 a file could not be read). The issuer's key comes from the credential
// (did:key), from --key, or from a saved DID document (--did-document, the issuer's
// /.well-known/did.json); with --status-list (a saved copy of the list the credential names,
// itself checked with the same keys) its revocation is checked too.
struct VerifyOptions {
  std::string file;
  std::string public_key;
  std::string did_document;
  std::string status_list;
};
int run_verify(const VerifyOptions& options, Console& console);

}  // namespace diplomado::cli
