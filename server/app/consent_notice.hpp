#pragma once
// The installation's privacy notice (issue 15): a JSON file {"version", "title": {es, en},
// "body": {es, en}}, shipped as data/consent/notice.json and replaced per installation.
#include <filesystem>

#include "domain/error.hpp"
#include "services/consent.hpp"

namespace diplomado::app {

// The notice, or why the file cannot be used (unreadable, too large, not JSON, a member missing).
Result<services::ConsentNotice> load_consent_notice(const std::filesystem::path& file);

}  // namespace diplomado::app
