#include "cli/commands.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/programme_seed_file.hpp"
#include "domain/scale_demo.hpp"
#include "services/initialise_site.hpp"
#include "services/load_programme_seed.hpp"

namespace diplomado::cli {
TimePoint current_time() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

namespace {
const char* file_message(FileKind kind) {
  switch (kind) {
    case FileKind::participants: return "error.file.participants";
    case FileKind::grades: return "error.file.grades";
    case FileKind::programme: return "error.file.programme";
    case FileKind::reference: return "error.file.reference";
    case FileKind::output: return "error.file.output";
    case FileKind::credential: return "error.file.credential";
  }
  return "error.file.programme";
}
}  // namespace

Error file_error(const std::string& path, FileKind kind) {
  Error error = make_error(ErrorCode::invalid_input, file_message(kind));
  error.details.push_back({"file", std::nullopt, "unreadable", file_message(kind), path});
  return error;
}

std::string mebibytes_rounded_up(std::uintmax_t bytes) {
  constexpr std::uintmax_t mebibyte = 1024 * 1024;
  return std::to_string((bytes + mebibyte - 1) / mebibyte) + " MiB";
}

// The whole file, refusing anything larger than the limit before reading it.
Result<std::string> read_whole_file(const std::string& path, std::size_t limit, FileKind kind) {
  std::error_code failure;
  const auto size = std::filesystem::file_size(path, failure);
  if (failure || !std::filesystem::is_regular_file(path, failure)) return std::unexpected(file_error(path, kind));
  if (size > limit) {
    Error error = make_error(ErrorCode::payload_too_large, "error.file.over_limit");
    error.details.push_back({"file", std::nullopt, "too_large", "error.file.size", mebibytes_rounded_up(size)});
    error.details.push_back({"file", std::nullopt, "too_large", "error.file.limit", mebibytes_rounded_up(limit)});
    return std::unexpected(error);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(file_error(path, kind));
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  return bytes;
}


int write_output(const std::string& bytes, const std::string& output, Console& console) {
  if (output.empty()) {
    console.out << bytes;
    return 0;
  }
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  if (!file || !file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return print_error(file_error(output, FileKind::output), console), 1;
  return 0;
}

void print_error(const Error& error, Console& console) {
  console.err << "diplomado: " << translate(error.message_key, console.language) << '\n';
  for (const auto& detail : error.details) {
    console.err << "  " << detail.field;
    if (detail.row) console.err << " (" << (console.language == Language::en ? "row " : "fila ") << *detail.row << ")";
    console.err << ": " << translate(detail.message_key, console.language);
    if (!detail.value.empty()) console.err << " [" << detail.value << "]";
    console.err << '\n';
  }
}

int run_init(services::Store& store, const std::string& email, const std::string& display_name, Console& console) {
  auto result = services::initialise_site(store, email, display_name, current_time());
  if (!result) {
    print_error(result.error(), console);
    return 1;
  }
  if (!result->created) {
    console.out << translate("cli.init.exists", console.language) << '\n';
    return 0;
  }
  console.out << translate("cli.init.created", console.language) << '\n'
              << "  e-mail:   " << result->email << '\n'
              << "  password: " << result->password << '\n';
  return 0;
}

int run_demo(services::Store& store, const std::string& programme_file, Console& console) {
  auto seed = read_programme_seed_file(programme_file);
  if (!seed) {
    print_error(seed.error(), console);
    return 1;
  }
  auto loaded = services::load_programme_seed(store, *seed, current_time());
  if (!loaded) {
    print_error(loaded.error(), console);
    return 1;
  }
  console.out << translate(loaded->created ? "cli.demo.loaded" : "cli.demo.exists", console.language) << " " << seed->programme.code;
  if (loaded->created) console.out << " (" << loaded->participants << ", " << loaded->teams << ")";
  console.out << '\n';
  return 0;
}

int run_demo_scale(services::Store& store, const std::string& programme_file, const ScaleRequest& request, Console& console) {
  auto base = read_programme_seed_file(programme_file);
  if (!base) {
    print_error(base.error(), console);
    return 1;
  }
  const auto started = std::chrono::steady_clock::now();
  std::size_t participants = 0, grades = 0, created = 0;
  for (std::size_t index = 1; index <= request.programmes; ++index) {
    ScaleOptions options{request.seed, request.participants ? std::optional<std::size_t>(request.participants) : std::nullopt};
    const auto seed = scale_programme(*base, index, options);
    auto loaded = services::load_programme_seed(store, seed, current_time());
    if (!loaded) {
      print_error(loaded.error(), console);
      return 1;
    }
    created += loaded->created;
    participants += seed.participants.size();
    grades += seed.grades.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  console.out << fmt::format(fmt::runtime(translate("cli.demo.scaled", console.language)), request.programmes, created, participants, grades, seconds)
              << '\n';
  return 0;
}

int run_user_add(services::Store& store, const services::AddUserRequest& request, Console& console) {
  auto added = services::add_user(store, request, current_time());
  if (!added) {
    print_error(added.error(), console);
    return 1;
  }
  console.out << translate("cli.user.added", console.language) << " " << added->email << '\n';
  return 0;
}

}  // namespace diplomado::cli
