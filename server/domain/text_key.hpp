#pragma once
// Keys for sorting and searching names the way Spanish speakers expect: accents and case do not
// matter ("Ábrego" sorts with the A's; "Darien" finds "Darién"). Built with ICU, stored beside
// the name, so both databases sort and search the same way without collations of their own.
#include <string>
#include <string_view>

namespace diplomado {

// NFD, drop combining marks, lower-case, NFC; spaces collapsed. UTF-8 in, UTF-8 out.
std::string fold_for_matching(std::string_view text);

// Without leading and trailing blanks: spaces, tabs, line ends and no-break spaces.
std::string_view trim(std::string_view text);

// Whether a text is empty or only spaces, tabs and line breaks (a required field left blank).
inline bool is_blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace diplomado
