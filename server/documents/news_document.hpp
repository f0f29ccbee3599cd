#pragma once
// The news release's draft as a word-processing document. OpenDocument Text (ISO/IEC 26300) was
// chosen over DOCX: it is an open standard that LibreOffice, Word and Google Docs all open; its
// smallest valid package is four short XML files, which a template writes with libzip (already in
// the stack for the certificates' ZIP), while no Debian package writes DOCX from C++. The draft's
// Markdown subset maps to it: "# " headings, paragraphs, **bold**.
#include <string>
#include <string_view>

#include "domain/error.hpp"
#include "domain/messages.hpp"

namespace diplomado::documents {

Result<std::string> news_odt(std::string_view markdown, Language language);

}  // namespace diplomado::documents
