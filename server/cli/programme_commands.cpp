#include "cli/programme_commands.hpp"

#include <charconv>
#include <fstream>
#include <ostream>

#include "cli/programme_seed_file.hpp"
#include "documents/iso_codes.hpp"
#include "services/export_programme.hpp"
#include "services/list_programmes.hpp"
#include "services/load_programme_seed.hpp"

namespace diplomado::cli {
namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::optional<double> number(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

FieldError option_error(const std::string& option, std::size_t index, const char* key, const std::string& value) {
  return {option + "[" + std::to_string(index) + "]", std::nullopt, "invalid", key, value};
}

// A file's problems are the file's, not a request's.
Error as_file_error(Error error) {
  if (error.message_key == "error.invalid_input") error.message_key = "error.file.programme_invalid";
  return error;
}

void print_counts(const ProgrammeSeed& seed, Console& console) {
  const auto t = [&](const char* key) { return translate(key, console.language); };
  console.out << "  " << t("cli.programme.modules") << ": " << seed.programme.modules.size() << ", " << t("cli.programme.participants") << ": "
              << seed.participants.size() << ", " << t("cli.programme.teams") << ": " << seed.teams.size() << '\n';
}

}  // namespace

int run_programme_validate(const std::string& file, Console& console) {
  auto seed = read_programme_seed_file(file);
  if (!seed) return print_error(seed.error(), console), 1;
  console.out << translate("cli.programme.valid", console.language) << ' ' << seed->programme.code << '\n';
  print_counts(*seed, console);
  return 0;
}

int run_programme_import(services::Store& store, const std::string& file, Console& console) {
  auto seed = read_programme_seed_file(file);
  if (!seed) return print_error(seed.error(), console), 1;
  // A file without subdivisions takes its country's from iso-codes (those already on file stay).
  if (seed->subdivisions.empty())
    if (auto subdivisions = documents::iso_subdivisions(seed->programme.country))
      for (auto& subdivision : *subdivisions) seed->subdivisions.push_back({subdivision.code, seed->programme.country, subdivision.name, subdivision.kind});
  auto loaded = services::load_programme_seed(store, *seed, current_time());
  if (!loaded) return print_error(as_file_error(loaded.error()), console), 1;
  if (!loaded->created) {
    Error taken = make_error(ErrorCode::conflict, "error.programme.code_taken");
    taken.details.push_back({"programme.code", std::nullopt, "taken", "error.programme.code_taken", seed->programme.code});
    return print_error(taken, console), 1;
  }
  console.out << translate("cli.programme.imported", console.language) << ' ' << seed->programme.code << '\n';
  print_counts(*seed, console);
  return 0;
}

int run_programme_create(services::Store& store, ProgrammeCreateOptions options, Console& console) {
  auto& programme = options.request.programme;
  if (programme.locale.empty()) programme.locale = default_locale(programme.country);
  Error invalid = make_error(ErrorCode::invalid_input, "error.invalid_input");
  if (!options.sdgs.empty())
    for (const auto& part : split(options.sdgs, ',')) {
      const auto sdg = number(part);
      if (!sdg || *sdg != static_cast<int>(*sdg)) invalid.details.push_back({"--sdgs", std::nullopt, "invalid", "error.programme.unknown_sdg", part});
      else programme.sdgs.push_back(static_cast<int>(*sdg));
    }
  for (std::size_t i = 0; i < options.modules.size(); ++i) {
    const auto parts = split(options.modules[i], '|');
    Module module;
    if (parts.size() < 2 || parts.size() > 4) {
      invalid.details.push_back(option_error("--module", i, "cli.programme.module_format", options.modules[i]));
      continue;
    }
    module.title = {parts[0], parts[1]};
    if (parts.size() > 2) {
      if (auto hours = number(parts[2])) module.hours = *hours;
      else invalid.details.push_back(option_error("--module", i, "error.programme.invalid_hours", parts[2]));
    }
    if (parts.size() > 3) {
      if (auto mark = number(parts[3])) module.pass_mark = *mark;
      else invalid.details.push_back(option_error("--module", i, "error.programme.invalid_pass_mark", parts[3]));
    }
    programme.modules.push_back(module);
  }
  for (const auto& coordinator : options.coordinators) {
    const auto parts = split(coordinator, '|');
    options.request.coordinators.push_back({parts[0], parts.size() > 1 ? parts[1] : ""});
  }
  if (!invalid.details.empty()) return print_error(invalid, console), 1;
  if (auto subdivisions = documents::iso_subdivisions(programme.country)) options.request.reference_subdivisions = std::move(*subdivisions);
  auto created = services::create_programme(store, std::nullopt, options.request, current_time());
  if (!created) return print_error(created.error(), console), 1;
  console.out << translate("cli.programme.created", console.language) << ' ' << created->programme.code << " ("
              << translate(std::string("programme.status.") + std::string(to_string(created->programme.status)), console.language) << ")\n";
  for (const auto& coordinator : created->coordinators) {
    console.out << "  " << coordinator.email;
    if (!coordinator.initial_password.empty())
      console.out << "  " << translate("cli.programme.password_once", console.language) << ": " << coordinator.initial_password;
    console.out << '\n';
  }
  return 0;
}

int run_programme_export(services::Store& store, const std::string& code, const std::string& output, bool people, Console& console) {
  auto programme_id = services::find_programme_by_code(store, code);
  if (!programme_id) return print_error(programme_id.error(), console), 1;
  auto seed = services::export_programme(store, *programme_id, {.people = people}, current_time());
  if (!seed) return print_error(seed.error(), console), 1;
  const auto text = write_programme_seed(*seed);
  if (output.empty() || output == "-") {
    console.out << text;
    return 0;
  }
  // Written whole beside the destination, then renamed over it: never half a file.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) {
      std::remove(partial.c_str());
      return print_error(file_error(output, FileKind::output), console), 1;
    }
  }
  if (std::rename(partial.c_str(), output.c_str()) != 0) {
    std::remove(partial.c_str());
    return print_error(file_error(output, FileKind::output), console), 1;
  }
  console.err << translate("cli.programme.exported", console.language) << ' ' << output << " (" << translate("cli.programme.participants", console.language)
              << ": " << seed->participants.size() << ")\n";
  return 0;
}

int run_programme_clone(services::Store& store, const std::string& from, const services::CloneRequest& request, Console& console) {
  auto source = services::find_programme_by_code(store, from);
  if (!source) return print_error(source.error(), console), 1;
  auto cloned = services::clone_programme(store, std::nullopt, *source, request, current_time());
  if (!cloned) return print_error(cloned.error(), console), 1;
  console.out << translate("cli.programme.cloned", console.language) << ' ' << cloned->code << " (" << cloned->start_date << " – "
              << cloned->end_date << ")\n";
  return 0;
}

}  // namespace diplomado::cli
