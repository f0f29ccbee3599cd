#include "domain/text_key.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace diplomado {
namespace {

// ICU transliterators are not thread-safe to share; one per thread, built once.
icu::Transliterator& folding() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU transliterator unavailable");
    return made;
  }();
  return *transliterator;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  auto unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  folding().transliterate(unicode);
  std::string folded;
  unicode.toUTF8String(folded);
  std::string collapsed;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  return collapsed;
}

}  // namespace diplomado
