#pragma once
// Participants as a spreadsheet, in the reader's language. The headers and values are ones the
// import recognises, so an exported file can be corrected and imported again. Every cell is
// neutralised against formula injection.
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/messages.hpp"
#include "documents/table_writer.hpp"
#include "domain/programme.hpp"

namespace diplomado::documents {

Table participants_table(const std::vector<ParticipantRecord>& records, Language language);
// Spanish: semicolons and a UTF-8 BOM, as Excel in a Spanish locale opens them; English: commas.
std::string participants_csv(const std::vector<ParticipantRecord>& records, Language language);
Result<std::string> participants_xlsx(const std::vector<ParticipantRecord>& records, Language language);

}  // namespace diplomado::documents
