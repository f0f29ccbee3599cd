#pragma once
// The global frameworks a programme's work is tagged to: the Global Compact for Safe, Orderly and
// Regular Migration's 23 objectives, and the 17 Sustainable Development Goals. They belong to no
// country; their names come from data/reference, compiled into the binary (embed_reference.cmake).
#include <optional>
#include <string>
#include <string_view>

#include "domain/programme.hpp"

namespace diplomado::services {

std::string_view embedded_reference_text(std::string_view name);

// The objective's title ("Recopilar y utilizar datos exactos…"); empty for a number out of range.
std::optional<LocalizedText> gcm_objective_title(int number);
// The goal's short name ("Reducción de las desigualdades"); empty for a number out of range.
std::optional<LocalizedText> sdg_name(int number);

}  // namespace diplomado::services
