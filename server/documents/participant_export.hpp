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

// `subdivision_header`: what the programme's country calls its subdivisions, in `language`.
Table participants_table(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header = {});
// Spanish: semicolons and a UTF-8 BOM, as Excel in a Spanish locale opens them; English: commas.
std::string participants_csv(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header = {});
Result<std::string> participants_xlsx(const std::vector<ParticipantRecord>& records, Language language, const std::string& subdivision_header = {});

}  // namespace diplomado::documents
