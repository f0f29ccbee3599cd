#include "services/list_participants.hpp"

#include "services/get_programme.hpp"

namespace diplomado::services {

Result<std::shared_ptr<const Page<ParticipantRow>>> list_participants(storage::Store& store, ReadCache& cache, const Actor& actor,
                                                                      Id programme_id, const ParticipantFilter& filter,
                                                                      const PageRequest& page) {
  if (!can_view_programme(actor, programme_id)) return std::unexpected(programme_not_found());
  if (!can_view_participants(actor, programme_id)) return std::unexpected(make_error(ErrorCode::forbidden, "error.forbidden"));
  auto unit = store.begin(storage::TransactionMode::read_only);
  const auto key = std::tuple{programme_id, filter, page.page, page.per_page};
  if (auto cached = cache.participant_pages.find(key, unit->data_generation())) return cached;
  if (!unit->programmes().exists(programme_id)) return std::unexpected(programme_not_found());
  auto result = std::make_shared<const Page<ParticipantRow>>(unit->programmes().participants(programme_id, filter, page));
  cache.participant_pages.store(key, unit->data_generation(), result);
  return result;
}

}  // namespace diplomado::services
