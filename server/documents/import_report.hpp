#pragma once
// The import summary as JSON, the same for the CLI's --format json and the API: counts, the
// table's detected shape, the mapping, a preview of what would be written, and every error with
// its row, field, column, value and a message in the user's language.
#include <string>

#include "domain/messages.hpp"
#include "services/import_grades.hpp"
#include "services/import_participants.hpp"

namespace diplomado::documents {

std::string import_summary_json(const services::ImportSummary& summary, Language language, std::optional<Id> upload_id = std::nullopt);

std::string grade_import_json(const services::GradeImportSummary& summary, Language language);

// The mapping as {"field": column index or null}, and back (unknown fields or bad indexes are
// errors naming the field).
struct ImportStep {
  ColumnMapping mapping;
  bool create_institutions = false;  // the preview's "create these N institutions"
};
Result<ImportStep> parse_mapping_json(std::string_view json_text);

}  // namespace diplomado::documents
