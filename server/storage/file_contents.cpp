// Moving files a database written before migration 0014 holds inline (base64 text) into the file
// store (soci_store.hpp). Runs at every start; once a table is moved it finds nothing to do.
#include <sodium.h>

#include "storage/soci_store.hpp"

namespace diplomado::storage {
namespace {

using soci::into;
using soci::use;

std::optional<std::string> decoded(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), "\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(length);
  return out;
}

// One table: every row whose inline column is not empty gets its file kept and its digest
// written, and the inline text emptied, in one transaction.
Result<void> move_table(soci::session& sql, FileStore& files, const std::string& table, const std::string& key, const std::string& inline_column,
                        const std::string& digest_column) {
  std::vector<std::pair<std::string, std::string>> rows;  // key as text, content
  {
    std::string row_key, content;
    soci::statement select = (sql.prepare << "SELECT CAST(" + key + " AS TEXT), " + inline_column + " FROM " + table + " WHERE " + inline_column + " <> ''",
                              into(row_key), into(content));
    select.execute();
    while (select.fetch()) rows.emplace_back(row_key, content);
  }
  if (rows.empty()) return {};
  soci::transaction transaction(sql);
  for (const auto& [row_key, content] : rows) {
    // Text that is not base64 is kept as it stands: nothing is lost, and a reader finds it as before.
    const auto bytes = decoded(content);
    auto kept = files.keep_bytes(bytes ? *bytes : content);
    if (!kept) return std::unexpected(kept.error());
    sql << "UPDATE " + table + " SET " + digest_column + " = :d, " + inline_column + " = '' WHERE CAST(" + key + " AS TEXT) = :k", use(kept->sha256),
        use(row_key);
  }
  transaction.commit();
  return {};
}

}  // namespace

Result<void> move_inline_files(soci::session& sql, FileStore& files) {
  if (auto moved = move_table(sql, files, "import_upload", "id", "content", "content_sha256"); !moved) return moved;
  if (auto moved = move_table(sql, files, "project_attachment", "id", "content_base64", "sha256"); !moved) return moved;
  // A logo's row is keyed by programme and position: both, joined in one text.
  return move_table(sql, files, "programme_logo", "programme_id || '/' || position", "content", "content_sha256");
}

}  // namespace diplomado::storage
