#include "storage/prepared_queries.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

namespace diplomado::storage {

void PreparedQueries::finish() {
  if (m_is_sqlite) {
    for (auto* holder : m_used)
      // SOCI 4.0 exports no reset; its execute() resets again before every run, so this is safe.
      sqlite3_reset(static_cast<soci::sqlite3_statement_backend*>(holder->statement().get_backend())->stmt_);
  }
  m_used.clear();
}

}  // namespace diplomado::storage
