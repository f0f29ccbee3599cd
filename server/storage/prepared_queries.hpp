#pragma once
// Internal to storage/: prepared statements kept per pooled connection, so hot reads are parsed
// once per connection instead of once per request (parsing was the largest part of the
// database work in issue 2's benchmark).
//
// A query is a struct that owns its bound variables and, as its last member, the statement
// built over them:
//
//   struct ProgrammeExists {
//     long long id = 0, found = 0;
//     soci::statement statement;
//     explicit ProgrammeExists(soci::session& sql)
//         : statement((sql.prepare << "SELECT COUNT(*) FROM programme WHERE id = :id", soci::into(found), soci::use(id))) {}
//   };
//
//   auto& query = queries.get<ProgrammeExists>(sql);
//   query.id = 7;
//   query.statement.execute(true);
#include <soci/soci.h>

#include <memory>
#include <typeindex>
#include <unordered_map>
#include <vector>

namespace diplomado::storage {

class PreparedQueries {
 public:
  explicit PreparedQueries(bool is_sqlite) : m_is_sqlite(is_sqlite) {}

  template <class Query>
  Query& get(soci::session& sql) {
    auto& slot = m_queries[std::type_index(typeid(Query))];
    if (!slot) slot = std::make_unique<Holder<Query>>(sql);
    m_used.push_back(slot.get());
    return static_cast<Holder<Query>*>(slot.get())->query;
  }

  // Called before COMMIT or ROLLBACK. SQLite: a statement read only up to its first row keeps
  // the connection's read snapshot open; reset releases it. PostgreSQL keeps no such state.
  void finish();

  // After a failure the statements may be in any state, or the connection gone: drop them all.
  void discard() {
    m_used.clear();
    m_queries.clear();
  }

 private:
  struct HolderBase {
    virtual ~HolderBase() = default;
    virtual soci::statement& statement() = 0;
  };
  template <class Query>
  struct Holder final : HolderBase {
    explicit Holder(soci::session& sql) : query(sql) {}
    soci::statement& statement() override { return query.statement; }
    Query query;
  };

  bool m_is_sqlite;
  std::unordered_map<std::type_index, std::unique_ptr<HolderBase>> m_queries;
  std::vector<HolderBase*> m_used;
};

}  // namespace diplomado::storage
