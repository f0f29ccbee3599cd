#pragma once
// What adapters (http/, cli/) hand to the use cases. They name it through services, never
// through storage/, so the dependency rule of DESIGN.md §3 holds for includes as well as links.
#include "storage/repositories.hpp"

namespace diplomado::services {

using Store = storage::Store;

}  // namespace diplomado::services
