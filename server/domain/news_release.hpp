#pragma once
// The closing news release's draft (issue 14), every fact taken from the programme's data: its
// title and objective, who implemented and funded it and when it ended, the audience, the modules
// from the first to the last, the graduates and their institutions, the projects and the GCM, the
// best-scoring team, the group leaders recognised, the authorities among the guests in order of
// precedence, and the SDG tags. Plurals and list joining follow each language. A fact not yet on
// file is named in `missing` and shows in the text as a bracketed gap, never as an invented value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/closing.hpp"
#include "domain/messages.hpp"
#include "domain/programme.hpp"

namespace diplomado {

struct NewsPerson {
  std::string name;
  LocalizedText institution;
  std::string place;
};

struct NewsFacts {
  LocalizedText title;
  LocalizedText objective;  // the description's first sentence
  LocalizedText implementer;
  LocalizedText funder;
  std::string end_date;  // YYYY-MM-DD
  bool closed = false;
  bool national_level = false;  // among the graduates (the audience)
  bool local_level = false;
  std::vector<LocalizedText> modules;
  std::int64_t graduates = 0;
  std::vector<LocalizedText> institutions;  // of the graduates, in order
  std::int64_t projects = 0;
  std::vector<int> gcm_objectives;  // covered by the projects, the most covered first
  std::optional<NewsPerson> best_team;  // name: the team; place: its region
  std::vector<NewsPerson> leaders;
  std::vector<Guest> authorities;  // in order of precedence
  std::vector<std::pair<int, LocalizedText>> sdgs;
};

struct NewsDraft {
  std::string markdown;
  std::vector<std::string> missing;  // message keys ("news.missing.graduates"), in the text's order
};

NewsDraft draft_news(const NewsFacts& facts, Language language);

// "A", "A y B", "A, B y C" ("e" before a word sounding /i/: "Salud e Igualdad"); "A, B and C";
// items that hold commas are separated by semicolons ("A, 1; B y C").
std::string join_list(const std::vector<std::string>& items, Language language);

}  // namespace diplomado
