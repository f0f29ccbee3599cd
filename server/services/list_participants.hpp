#pragma once
#include "domain/error.hpp"
#include "domain/pagination.hpp"
#include "storage/repositories.hpp"

namespace diplomado::services {

Result<Page<ParticipantRow>> list_participants(storage::Store& store, const Actor& actor, Id programme_id, const PageRequest& page);

}  // namespace diplomado::services
