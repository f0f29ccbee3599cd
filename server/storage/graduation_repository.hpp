#pragma once
// Graduation decisions (issue 13): the coordinator's overrides of eligibility and the move of the
// class to `graduated`. One repository header per aggregate (DESIGN.md §3); storage/repositories.hpp
// gathers them into the unit of work.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/graduation.hpp"
#include "domain/permission.hpp"

namespace diplomado::storage {

class GraduationRepository {
 public:
  virtual ~GraduationRepository() = default;
  virtual std::vector<GraduationOverrideRecord> overrides(Id programme_id) = 0;
  // Adds the enrolment's override or replaces it.
  virtual void save_override(const GraduationOverrideRecord& record) = 0;
  // False when there was none.
  virtual bool delete_override(Id enrollment_id) = 0;
  // Moves each enrolment of the programme to `graduated`, if it is enrolled or completed; returns
  // how many moved. One statement per batch, so a class of thousands is one short transaction.
  virtual std::int64_t graduate(Id programme_id, const std::vector<Id>& enrollment_ids) = 0;
};

}  // namespace diplomado::storage
