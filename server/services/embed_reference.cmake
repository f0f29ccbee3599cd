# Writes a C++ source that holds the global reference lists (the GCM's objectives, the SDGs) as
# strings, so the binary names them in reports without reading files at run time.
set(content "// Generated from data/reference by embed_reference.cmake. Do not edit.\n#include \"services/frameworks.hpp\"\nnamespace diplomado::services {\nstd::string_view embedded_reference_text(std::string_view name) {\n")
foreach(name gcm_objectives sdgs)
  file(READ ${DIR}/${name}.json text)
  string(APPEND content "  if (name == \"${name}\") return R\"diplomado_json(${text})diplomado_json\";\n")
endforeach()
string(APPEND content "  return {};\n}\n}  // namespace diplomado::services\n")
file(WRITE ${OUT}.tmp "${content}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
