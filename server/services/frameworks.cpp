#include "services/frameworks.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "json/json_reader.hpp"

namespace diplomado::services {
namespace {

using Titles = std::map<int, LocalizedText>;

Titles read_titles(std::string_view name, const char* list, const char* es, const char* en) {
  Titles titles;
  auto parsed = parse_bounded_json(embedded_reference_text(name));
  if (!parsed) return titles;
  for (const auto& item : (*parsed)[list])
    titles[item.at("number").get<int>()] = {item.at(es).get<std::string>(), item.at(en).get<std::string>()};
  return titles;
}

std::optional<LocalizedText> find(const Titles& titles, int number) {
  if (auto found = titles.find(number); found != titles.end()) return found->second;
  return std::nullopt;
}

}  // namespace

std::optional<LocalizedText> gcm_objective_title(int number) {
  static const Titles titles = read_titles("gcm_objectives", "objectives", "title_es", "title_en");
  return find(titles, number);
}

std::optional<LocalizedText> sdg_name(int number) {
  static const Titles titles = read_titles("sdgs", "goals", "short_es", "short_en");
  return find(titles, number);
}

}  // namespace diplomado::services
