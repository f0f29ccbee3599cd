#include "domain/news_release.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "domain/certificate.hpp"

namespace diplomado {
namespace {


// Spanish writes "e" for "y" before a word that starts with the sound /i/ (i-, hi-, but not hie-).
bool sounds_like_i(std::string_view word) {
  auto starts = [&](std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; };
  if (starts("hie") || starts("Hie") || starts("hia") || starts("hio") || starts("hiu")) return false;
  return starts("i") || starts("I") || starts("í") || starts("Í") || starts("hi") || starts("Hi") || starts("hí");
}

class Draft {
 public:
  explicit Draft(Language language) : m_language(language) {}
  bool es() const { return m_language == Language::es; }
  // A gap for a missing fact: named once in `missing`, bracketed in the text.
  std::string gap(const std::string& key, std::string_view es_text, std::string_view en_text) {
    if (std::find(m_missing.begin(), m_missing.end(), key) == m_missing.end()) m_missing.push_back(key);
    return fmt::format("[{}]", es() ? es_text : en_text);
  }
  void paragraph(const std::string& text) {
    if (!text.empty()) m_text += text + "\n\n";
  }
  NewsDraft take() {
    while (m_text.ends_with("\n\n\n")) m_text.pop_back();
    if (m_text.ends_with("\n\n")) m_text.pop_back();
    return {std::move(m_text), std::move(m_missing)};
  }

 private:
  Language m_language;
  std::string m_text;
  std::vector<std::string> m_missing;
};

}  // namespace

std::string join_list(const std::vector<std::string>& items, Language language) {
  if (items.empty()) return {};
  if (items.size() == 1) return items.front();
  // Items that hold commas themselves are separated by semicolons, so the list still reads as one.
  const bool commas = std::ranges::any_of(items, [](const std::string& item) { return item.find(',') != std::string::npos; });
  const char* separator = commas ? "; " : ", ";
  std::string out;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) out += (i ? separator : "") + items[i];
  const auto& last = items.back();
  const char* conjunction = language == Language::en ? " and " : sounds_like_i(last) ? " e " : " y ";
  return out + conjunction + last;
}

NewsDraft draft_news(const NewsFacts& facts, Language language) {
  Draft draft(language);
  const bool es = draft.es();
  const auto lang = to_string(language);
  const auto& title = in_language(facts.title, language);

  // Headline.
  const auto graduates_text = facts.graduates > 0
      ? (es ? (facts.graduates == 1 ? std::string("1 funcionaria o funcionario se gradúa") : fmt::format("{} funcionarias y funcionarios se gradúan", facts.graduates))
            : (facts.graduates == 1 ? std::string("1 official graduates") : fmt::format("{} officials graduate", facts.graduates)))
      : draft.gap("news.missing.graduates", "pendiente: personas graduadas", "pending: graduates");
  draft.paragraph(fmt::format("# {} {} {}", graduates_text, es ? "del" : "from the", title));

  // Lead: who, what, when, why.
  const auto implementer = facts.implementer.es.empty() ? draft.gap("news.missing.implementer", "pendiente: entidad ejecutora", "pending: implementer")
                                                        : in_language(facts.implementer, language);
  const auto funder = facts.funder.es.empty() ? draft.gap("news.missing.funder", "pendiente: financiador", "pending: funder") : in_language(facts.funder, language);
  const auto ended = !facts.closed || facts.end_date.empty()
      ? draft.gap("news.missing.closed", "pendiente: el programa aún no ha cerrado", "pending: the programme has not closed yet")
      : long_date(facts.end_date, lang);
  auto objective = in_language(facts.objective, language);
  if (!objective.empty()) {
    objective[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(objective[0])));
    if (objective.ends_with('.')) objective.pop_back();
  } else {
    objective = draft.gap("news.missing.objective", "pendiente: objetivo", "pending: objective");
  }
  draft.paragraph(es ? fmt::format("El {}, {} concluyó el {}, cuyo objetivo fue {}.", ended, implementer, title, objective)
                     : fmt::format("On {}, {} closed the {}, whose objective was to {}.", ended, implementer, title, objective));
  draft.paragraph(es ? fmt::format("**Financiamiento:** {}.", funder) : fmt::format("**Funding:** {}.", funder));

  // Audience and modules.
  std::string audience;
  if (facts.national_level && facts.local_level) audience = es ? "funcionarias y funcionarios de nivel nacional y local" : "national- and local-level officials";
  else if (facts.national_level) audience = es ? "funcionarias y funcionarios de nivel nacional" : "national-level officials";
  else if (facts.local_level) audience = es ? "funcionarias y funcionarios de nivel local" : "local-level officials";
  else audience = draft.gap("news.missing.audience", "pendiente: público", "pending: audience");
  std::string modules;
  if (facts.modules.size() >= 2)
    modules = es ? fmt::format(" Sus {} módulos abarcaron desde {} hasta {}.", facts.modules.size(), in_language(facts.modules.front(), language),
                               in_language(facts.modules.back(), language))
                 : fmt::format(" Its {} modules ranged from {} to {}.", facts.modules.size(), in_language(facts.modules.front(), language),
                               in_language(facts.modules.back(), language));
  else if (facts.modules.size() == 1)
    modules = es ? fmt::format(" Su único módulo trató sobre {}.", in_language(facts.modules.front(), language))
                 : fmt::format(" Its one module covered {}.", in_language(facts.modules.front(), language));
  else
    modules = " " + draft.gap("news.missing.modules", "pendiente: módulos", "pending: modules");
  draft.paragraph(es ? fmt::format("El programa se dirigió a {}.{}", audience, modules) : fmt::format("The programme was addressed to {}.{}", audience, modules));

  // Graduates and institutions.
  if (facts.graduates > 0) {
    std::vector<std::string> institutions;
    for (const auto& institution : facts.institutions) institutions.push_back(in_language(institution, language));
    const auto count = institutions.size();
    if (es)
      draft.paragraph(fmt::format("{} {} de {} {}: {}.", facts.graduates == 1 ? "Se graduó 1 persona" : fmt::format("Se graduaron {} personas", facts.graduates),
                                  facts.graduates == 1 ? "funcionaria" : "funcionarias", count, count == 1 ? "institución" : "instituciones",
                                  join_list(institutions, language)));
    else
      draft.paragraph(fmt::format("{} from {} {} graduated: {}.", facts.graduates == 1 ? "1 official" : fmt::format("{} officials", facts.graduates), count,
                                  count == 1 ? "institution" : "institutions", join_list(institutions, language)));
  }

  // Projects, the GCM and the best team.
  if (facts.projects > 0) {
    std::vector<std::string> objectives;
    for (std::size_t i = 0; i < facts.gcm_objectives.size() && i < 3; ++i) objectives.push_back(std::to_string(facts.gcm_objectives[i]));
    std::string text = es ? fmt::format("Los equipos presentaron {} {} sobre la migración con enfoque de derechos humanos, {} con el Pacto Mundial para la Migración Segura, Ordenada y Regular{}.",
                                        facts.projects, facts.projects == 1 ? "propuesta de proyecto" : "propuestas de proyecto",
                                        facts.projects == 1 ? "alineada" : "alineadas",
                                        objectives.empty() ? "" : fmt::format(" (sobre todo con {} {})", objectives.size() == 1 ? "el objetivo" : "los objetivos", join_list(objectives, language)))
                          : fmt::format("The teams presented {} project {} on migration with a human rights approach, aligned with the Global Compact for Safe, Orderly and Regular Migration{}.",
                                        facts.projects, facts.projects == 1 ? "proposal" : "proposals",
                                        objectives.empty() ? "" : fmt::format(" (above all with {} {})", objectives.size() == 1 ? "objective" : "objectives", join_list(objectives, language)));
    if (facts.best_team)
      text += es ? fmt::format(" El equipo {}, de {}, obtuvo la mejor puntuación a nivel nacional.", facts.best_team->name, facts.best_team->place)
                 : fmt::format(" The {} team, from {}, obtained the best score nationwide.", facts.best_team->name, facts.best_team->place);
    else
      text += " " + draft.gap("news.missing.best_team", "pendiente: confirmar el mejor proyecto", "pending: confirm the best project");
    draft.paragraph(text);
  } else {
    draft.paragraph(draft.gap("news.missing.projects", "pendiente: proyectos finales", "pending: final projects"));
  }

  // Group leaders.
  if (!facts.leaders.empty()) {
    std::vector<std::string> leaders;
    for (const auto& leader : facts.leaders) {
      const auto& institution = in_language(leader.institution, language);
      std::string details = institution;
      if (!leader.place.empty()) details += (details.empty() ? "" : ", ") + leader.place;
      leaders.push_back(details.empty() ? leader.name : fmt::format("{} ({})", leader.name, details));
    }
    const auto count = leaders.size();
    draft.paragraph(es ? (count == 1 ? fmt::format("En la ceremonia de clausura se reconoció a la persona líder de grupo {}.", leaders.front())
                                     : fmt::format("En la ceremonia de clausura se reconoció a {} líderes de grupo: {}.", count, join_list(leaders, language)))
                       : (count == 1 ? fmt::format("The closing ceremony recognised the group leader {}.", leaders.front())
                                     : fmt::format("The closing ceremony recognised {} group leaders: {}.", count, join_list(leaders, language))));
  } else {
    draft.paragraph(draft.gap("news.missing.leaders", "pendiente: líderes de grupo", "pending: group leaders"));
  }

  // Authorities, in order of precedence.
  if (!facts.authorities.empty()) {
    std::vector<std::string> guests;
    for (const auto& guest : facts.authorities) {
      const auto& role = in_language(guest.title, language);
      guests.push_back(role.empty() ? guest.name : fmt::format("{} ({})", guest.name, role));
    }
    draft.paragraph(es ? fmt::format("{} en la ceremonia {}.", facts.authorities.size() == 1 ? "Participó" : "Participaron", join_list(guests, language))
                       : fmt::format("The ceremony was attended by {}.", join_list(guests, language)));
  } else {
    draft.paragraph(draft.gap("news.missing.guests", "pendiente: autoridades invitadas a la ceremonia", "pending: the authorities invited to the ceremony"));
  }

  // The SDGs.
  if (!facts.sdgs.empty()) {
    std::vector<std::string> goals;
    for (const auto& [number, name] : facts.sdgs) goals.push_back(fmt::format("{} ({})", number, in_language(name, language)));
    draft.paragraph(es ? fmt::format("El programa contribuye {} {}.", facts.sdgs.size() == 1 ? "al Objetivo de Desarrollo Sostenible" : "a los Objetivos de Desarrollo Sostenible",
                                     join_list(goals, language))
                       : fmt::format("The programme contributes to Sustainable Development {} {}.", facts.sdgs.size() == 1 ? "Goal" : "Goals", join_list(goals, language)));
  }
  return draft.take();
}

}  // namespace diplomado
