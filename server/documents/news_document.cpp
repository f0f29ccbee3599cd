#include "documents/news_document.hpp"

#include "documents/zip_archive.hpp"

namespace diplomado::documents {
namespace {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A paragraph's text with **bold** spans.
std::string inline_text(std::string_view text) {
  std::string out;
  bool bold = false;
  for (std::size_t i = 0; i < text.size();) {
    if (text.substr(i, 2) == "**") {
      out += bold ? "</text:span>" : "<text:span text:style-name=\"Bold\">";
      bold = !bold;
      i += 2;
      continue;
    }
    const auto next = text.find("**", i);
    out += escape(text.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i));
    i = next == std::string_view::npos ? text.size() : next;
  }
  if (bold) out += "</text:span>";
  return out;
}

std::string content_xml(std::string_view markdown) {
  std::string body;
  std::size_t start = 0;
  while (start <= markdown.size()) {
    auto end = markdown.find("\n\n", start);
    auto block = markdown.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    while (!block.empty() && (block.front() == '\n' || block.front() == ' ')) block.remove_prefix(1);
    while (!block.empty() && (block.back() == '\n' || block.back() == ' ')) block.remove_suffix(1);
    if (!block.empty()) {
      std::string text(block);
      for (auto& c : text)
        if (c == '\n') c = ' ';
      if (text.starts_with("# ")) body += "<text:h text:style-name=\"Heading\" text:outline-level=\"1\">" + inline_text(std::string_view(text).substr(2)) + "</text:h>";
      else body += "<text:p text:style-name=\"Body\">" + inline_text(text) + "</text:p>";
    }
    if (end == std::string_view::npos) break;
    start = end + 2;
  }
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
<office:automatic-styles>
<style:style style:name="Heading" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm" fo:line-height="130%"/><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>)" + body + "</office:text></office:body></office:document-content>\n";
}

std::string meta_xml(Language language) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><dc:language>)") +
         (language == Language::es ? "es" : "en") + "</dc:language><meta:generator xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\">Diplomado</meta:generator></office:meta></office:document-meta>\n";
}

const char* const manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
)";

}  // namespace

Result<std::string> news_odt(std::string_view markdown, Language language) {
  const auto meta = meta_xml(language);
  const auto content = content_xml(markdown);
  // The mimetype entry comes first and is stored uncompressed: that is how readers know the package.
  return zip_archive({{"mimetype", "application/vnd.oasis.opendocument.text", false},
                      {"META-INF/manifest.xml", manifest},
                      {"meta.xml", meta},
                      {"content.xml", content}});
}

}  // namespace diplomado::documents
