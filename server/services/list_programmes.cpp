#include "services/list_programmes.hpp"

#include <algorithm>
#include <iterator>

#include "domain/text_key.hpp"

namespace diplomado::services {

namespace {

bool matches(const ProgrammeSummary& programme, const std::string& folded_search) {
  if (folded_search.empty()) return true;
  const std::string text = fold_for_matching(programme.code + " " + programme.title.es + " " + programme.title.en);
  return text.find(folded_search) != std::string::npos;
}

Page<ProgrammeSummary> page_of(std::vector<ProgrammeSummary> all, const PageRequest& page) {
  Page<ProgrammeSummary> result{{}, page.page, page.per_page, static_cast<std::int64_t>(all.size())};
  const auto from = std::min<std::size_t>(all.size(), static_cast<std::size_t>(page.offset()));
  const auto to = std::min<std::size_t>(all.size(), from + static_cast<std::size_t>(page.per_page));
  result.items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(from)), std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(to)));
  return result;
}


// One page as the actor sees it, read in `unit`.
Page<ProgrammeSummary> page_for(storage::UnitOfWork& unit_ref, const Actor& actor, const ProgrammeListQuery& query) {
  auto* unit = &unit_ref;
  const std::string search = fold_for_matching(trim(query.search));
  // A grant without a programme holds for every programme (the site coordinator's): with
  // thousands of programmes, a page is read from the database, not the whole list.
  if (sees_every_programme(actor)) {
    if (search.empty())
      return Page<ProgrammeSummary>{unit->programmes().list_page(query.page.offset(), query.page.per_page), query.page.page, query.page.per_page,
                                    unit->programmes().count_programmes()};
    auto all = unit->programmes().list();
    std::erase_if(all, [&](const ProgrammeSummary& programme) { return !matches(programme, search); });
    return page_of(std::move(all), query.page);
  }
  // Anyone else sees the programmes they hold a role in: read those alone, not every programme
  // on the site (with 1,000 programmes the whole list cost 15 times the read of one).
  std::vector<Id> mine;
  for (const auto& grant : actor.grants)
    if (grant.programme_id && std::ranges::find(mine, *grant.programme_id) == mine.end()) mine.push_back(*grant.programme_id);
  auto programmes = unit->programmes().list_of(mine);
  std::erase_if(programmes, [&](const ProgrammeSummary& programme) { return !can_view_programme(actor, programme.id) || !matches(programme, search); });
  return page_of(std::move(programmes), query.page);
}

}  // namespace

bool sees_every_programme(const Actor& actor) {
  return std::ranges::any_of(actor.grants, [](const RoleGrant& grant) { return !grant.programme_id; });
}

Result<Page<ProgrammeSummary>> list_programmes(storage::Store& store, const Actor& actor, const ProgrammeListQuery& query) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  return page_for(*unit, actor, query);
}

Result<std::shared_ptr<const Page<ProgrammeSummary>>> list_programmes(storage::Store& store, ReadCache& cache, const Actor& actor,
                                                                      const ProgrammeListQuery& query) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  const bool every = sees_every_programme(actor);
  std::vector<Id> granted;
  if (!every)
    for (const auto& grant : actor.grants)
      if (grant.programme_id) granted.push_back(*grant.programme_id);
  std::ranges::sort(granted);
  granted.erase(std::ranges::unique(granted).begin(), granted.end());
  const auto key = std::tuple{fold_for_matching(trim(query.search)), query.page.page, query.page.per_page, every, std::move(granted)};
  if (auto cached = cache.programme_pages.find(key, unit->data_generation())) return cached;
  auto page = std::make_shared<const Page<ProgrammeSummary>>(page_for(*unit, actor, query));
  cache.programme_pages.store(key, unit->data_generation(), page);
  return page;
}

Result<Id> find_programme_by_code(storage::Store& store, std::string_view code) {
  auto unit = store.begin(storage::TransactionMode::read_only);
  if (auto id = unit->programmes().find_id_by_code(code)) return *id;
  return std::unexpected(field_error("programme", "unknown_programme", "error.programme.unknown_code", std::string(code)));
}

}  // namespace diplomado::services
