#include "app/consent_notice.hpp"

#include <fstream>
#include <sstream>

#include "json/json_reader.hpp"

namespace diplomado {
namespace services {
static void describe(BodyReader& reader, ConsentNotice& notice) {
  reader.required("version", notice.version, {.max_length = 64})
      .required("title", notice.title, {.max_length = 300})
      .required("body", notice.body, {.max_length = 20000});
}
}  // namespace services

namespace app {

Result<services::ConsentNotice> load_consent_notice(const std::filesystem::path& file) {
  const auto unusable = [&](std::string detail) {
    Error error = make_error(ErrorCode::invalid_input, "error.consent.notice_file");
    error.details.push_back({file.string(), std::nullopt, "unusable", "error.consent.notice_file", std::move(detail)});
    return std::unexpected(error);
  };
  std::ifstream in(file, std::ios::binary);
  if (!in) return unusable("unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > 256 * 1024) return unusable("over 256 KiB");
  auto parsed = parse_bounded_json(text.str());
  if (!parsed) return unusable("not JSON");
  services::ConsentNotice notice;
  const auto errors = read_json(*parsed, notice);
  if (!errors.empty()) return unusable(errors.front().field);
  if (notice.version.empty() || notice.body.es.empty() || notice.body.en.empty()) return unusable("version and body.es/en are required");
  return notice;
}

}  // namespace app
}  // namespace diplomado
