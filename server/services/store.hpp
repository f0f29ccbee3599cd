#pragma once
// What adapters (http/, cli/) hand to the use cases. They name it through services, never
// through storage/, so the dependency rule of DESIGN.md §3 holds for includes as well as links.
#include <memory>
#include <optional>
#include <utility>

#include "storage/repositories.hpp"

namespace diplomado::services {

using Store = storage::Store;

// The store as one request uses it: the first unit it begins, if read-only, takes the data
// counter read with the session counter a moment before (Store::begin), so a read the cache
// answers costs the request a single round trip on PostgreSQL. Any unit uses the counter up.
class RequestStore final : public Store {
 public:
  explicit RequestStore(Store& store) : m_store(store) {}
  void saw_data_changes(std::optional<std::uint64_t> counter) { m_seen = counter; }
  using Store::begin;
  std::unique_ptr<storage::UnitOfWork> begin(storage::TransactionMode mode, std::optional<std::uint64_t> data_changes_seen) override {
    const auto seen = std::exchange(m_seen, std::nullopt);
    if (!data_changes_seen && mode == storage::TransactionMode::read_only) data_changes_seen = seen;
    return m_store.begin(mode, data_changes_seen);
  }
  storage::ChangeCounters change_counters() override { return m_store.change_counters(); }
  bool reachable() override { return m_store.reachable(); }
  std::pair<std::size_t, std::size_t> pool_usage() override { return m_store.pool_usage(); }
  storage::FileStore& files() override { return m_store.files(); }

 private:
  Store& m_store;
  std::optional<std::uint64_t> m_seen;
};

}  // namespace diplomado::services
