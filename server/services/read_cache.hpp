#pragma once
// Results of the hot reads, kept under the data generation they were read at
// (UnitOfWork::data_generation). An entry is served only while the generation is unchanged, so
// any commit, in this process or another, retires every entry at once. Permissions are checked
// before the cache is consulted; entries hold no per-user data.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

#include "domain/participant_filter.hpp"
#include "domain/programme.hpp"

namespace diplomado::services {

struct ProgrammeDetail;

template <class Key, class Value>
class GenerationCache {
 public:
  explicit GenerationCache(std::size_t max_entries = 1000) : m_max_entries(max_entries) {}

  std::shared_ptr<const Value> find(const Key& key, std::optional<std::uint64_t> generation) {
    if (!generation) return nullptr;
    std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(key);
    if (found == m_entries.end() || found->second.generation != *generation) return nullptr;
    return found->second.value;
  }

  void store(const Key& key, std::optional<std::uint64_t> generation, std::shared_ptr<const Value> value) {
    if (!generation) return;
    std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_max_entries) std::erase_if(m_entries, [&](const auto& item) { return item.second.generation != *generation; });
    if (m_entries.size() >= m_max_entries) m_entries.clear();
    m_entries.insert_or_assign(key, Entry{*generation, std::move(value)});
  }

 private:
  struct Entry {
    std::uint64_t generation;
    std::shared_ptr<const Value> value;
  };
  std::size_t m_max_entries;
  std::mutex m_mutex;
  std::map<Key, Entry> m_entries;
};

struct ReadCache {
  GenerationCache<Id, ProgrammeDetail> programmes;
  GenerationCache<std::tuple<Id, ParticipantFilter, std::int64_t, std::int64_t>, Page<ParticipantRow>> participant_pages;
  GenerationCache<Id, std::vector<TeamView>> teams;
  // The programme list (search folded, page, per page, and whose: every programme for a site-wide
  // grant, else the programmes granted): users with the same grants share a page.
  GenerationCache<std::tuple<std::string, std::int64_t, std::int64_t, bool, std::vector<Id>>, Page<ProgrammeSummary>> programme_pages;
};

}  // namespace diplomado::services
