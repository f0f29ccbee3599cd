# Writes a C++ source that holds the list of common passwords (Debian's john-data), so the
# password rule needs no file at run time.
file(READ ${LIST} text)
string(REPLACE ")diplomado_list\"" "" text "${text}")
file(WRITE ${OUT}.tmp "// Generated from ${LIST} by embed_passwords.cmake. Do not edit.\n#include <string_view>\nnamespace diplomado::services {\nstd::string_view embedded_common_passwords() {\n  return R\"diplomado_list(${text})diplomado_list\";\n}\n}  // namespace diplomado::services\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
