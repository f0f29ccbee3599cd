#pragma once
#include <string>
#include <vector>

namespace diplomado::storage {

struct EmbeddedMigration {
  const char* dialect;  // "sqlite" | "postgres"
  const char* name;     // NNNN_name.sql: the number is the schema version it brings
  const char* sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

}  // namespace diplomado::storage
