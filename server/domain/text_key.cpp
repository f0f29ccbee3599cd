#include "domain/text_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace diplomado {
namespace {

const icu::Normalizer2& decomposition() {
  static const icu::Normalizer2* nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* made = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU NFD normaliser unavailable");
    return made;
  }();
  return *nfd;
}

bool is_blank(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

// Appends a code point, collapsing runs of blanks to one space and dropping leading ones.
void append(std::string& out, bool& pending_space, UChar32 c) {
  if (is_blank(static_cast<char32_t>(c))) {
    pending_space = !out.empty();
    return;
  }
  if (pending_space) out.push_back(' ');
  pending_space = false;
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  bool pending_space = false;
  // Most names and headers are plain ASCII: lower-case them without ICU.
  bool ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) {
    for (unsigned char c : text) append(folded, pending_space, (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
    return folded;
  }
  // NFD splits "é" into "e" and a combining accent; accents (non-spacing marks) are dropped and
  // the rest lower-cased, so "Darién", "DARIEN" and "darien" give the same key.
  UErrorCode status = U_ZERO_ERROR;
  const auto decomposed = decomposition().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
  if (U_FAILURE(status)) return std::string(text);
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    append(folded, pending_space, u_tolower(c));
  }
  return folded;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n\xC2\xA0";
  while (!text.empty() && blanks.find(text.front()) != std::string_view::npos) text.remove_prefix(1);
  while (!text.empty() && blanks.find(text.back()) != std::string_view::npos) text.remove_suffix(1);
  // A no-break space (U+00A0) is two bytes; trimming byte by byte may leave half of one.
  if (!text.empty() && static_cast<unsigned char>(text.back()) == 0xC2) text.remove_suffix(1);
  return text;
}

}  // namespace diplomado
