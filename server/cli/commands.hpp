#pragma once
// The CLI's subcommands as functions over services: app/main.cpp parses the arguments, opens the
// database and calls these. Each returns the process exit code.
#include <iosfwd>
#include <string>

#include "domain/messages.hpp"
#include "domain/time.hpp"
#include "services/add_user.hpp"
#include "services/store.hpp"

namespace diplomado::cli {

struct Console {
  std::ostream& out;
  std::ostream& err;
  Language language = Language::es;
};

int run_init(services::Store& store, const std::string& email, const std::string& display_name, Console& console);
int run_demo(services::Store& store, const std::string& programme_file, Console& console);
// `demo --scale N`: N programmes made from the programme file (domain/scale_demo.hpp), loaded one
// by one, each in its own transaction; a programme already there (same seed, same index) is kept.
struct ScaleRequest {
  std::size_t programmes = 1;
  std::uint64_t seed = 1;
  std::size_t participants = 0;  // 0: 30 to 200 each, from the seed
};
int run_demo_scale(services::Store& store, const std::string& programme_file, const ScaleRequest& request, Console& console);
int run_user_add(services::Store& store, const services::AddUserRequest& request, Console& console);

TimePoint current_time();

// What a file given on the command line is, so an error names it as the user knows it.
enum class FileKind { participants, grades, programme, reference, output, credential };

// The whole file, refusing anything larger than `limit` before reading it (the error names the
// file's size and the limit, in MiB rounded up), or one that cannot be read (the error names the
// path and what the file is).
Result<std::string> read_whole_file(const std::string& path, std::size_t limit, FileKind kind);
Error file_error(const std::string& path, FileKind kind);
// "17 MiB" for 16.2 MiB: a size is never shown smaller than it is.
std::string mebibytes_rounded_up(std::uintmax_t bytes);

// Writes to the file, or to standard output when none is named; 1 (said) when the file fails.
int write_output(const std::string& bytes, const std::string& output, Console& console);

// Prints an error as one line per problem, in the console's language.
void print_error(const Error& error, Console& console);

}  // namespace diplomado::cli
