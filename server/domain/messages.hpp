#pragma once
// The server's own texts (errors, CLI lines) in Spanish and English. Spanish comes first: it is
// the default whenever the user's language is unknown.
#include <string>
#include <string_view>

namespace diplomado {

enum class Language { es, en };

std::string_view to_string(Language language);

// The first supported language in an Accept-Language header (or a LANG value); Spanish otherwise.
Language pick_language(std::string_view accept_language);

// The message for a key; an unknown key comes back as itself, so a missing text is visible.
std::string translate(std::string_view key, Language language);

// Every key the catalogue holds, for the test that both languages have each one.
std::size_t message_count();
bool has_both_languages(std::string_view key);

}  // namespace diplomado
