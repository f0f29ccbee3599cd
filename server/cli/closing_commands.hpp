#pragma once
// Closing the course (issue 14): diplomado report indicators.
#include <cstdint>
#include <string>

#include "cli/commands.hpp"

namespace diplomado::cli {

struct IndicatorCommand {
  std::string programme;
  std::string format = "json";  // json | xlsx | csv
  std::string output;           // a file; stdout when empty (refused for xlsx, which is binary)
  bool shared = false;          // small counts hidden, for sharing outside the programme
  std::int64_t threshold = 5;
};

// diplomado report indicators --programme CODE --format json|xlsx|csv [-o FILE] [--shared]
// [--small-cell-threshold N]. Exit 0 done, 1 the programme, the options or the file failed.
int run_report_indicators(services::Store& store, const IndicatorCommand& command, Console& console);

struct NewsCommand {
  std::string programme;
  std::string language = "es";  // es | en
  std::string format = "md";    // md | odt
  std::string output;           // a file; stdout when empty (refused for odt)
};

// diplomado news --programme CODE --lang es|en [--format md|odt] [-o FILE]: the news release's
// draft from the data (the coordinator's saved edit is the web page's); every fact still missing
// is listed on the error stream. Exit 0 done (even with gaps), 1 the programme or the file failed.
int run_news(services::Store& store, const NewsCommand& command, Console& console);

}  // namespace diplomado::cli
