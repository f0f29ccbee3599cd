#include "domain/graduation.hpp"

#include <charconv>
#include <cmath>

#include "domain/text_key.hpp"

namespace diplomado {

std::string_view to_string(GraduationOverride decision) {
  return decision == GraduationOverride::graduate ? "graduate" : "withhold";
}

std::optional<GraduationOverride> parse_graduation_override(std::string_view text) {
  if (text == "graduate") return GraduationOverride::graduate;
  if (text == "withhold") return GraduationOverride::withhold;
  return std::nullopt;
}

std::string_view to_string(GraduationOutcome outcome) {
  switch (outcome) {
    case GraduationOutcome::graduate: return "graduate";
    case GraduationOutcome::not_eligible: return "not_eligible";
    case GraduationOutcome::withheld: return "withheld";
    case GraduationOutcome::withdrawn: return "withdrawn";
    case GraduationOutcome::graduated: return "graduated";
  }
  return "not_eligible";
}

GraduationOutcome graduation_outcome(EnrollmentStatus status, bool eligible, std::optional<GraduationOverride> decision) {
  if (status == EnrollmentStatus::withdrawn) return GraduationOutcome::withdrawn;
  if (status == EnrollmentStatus::graduated) return GraduationOutcome::graduated;
  if (decision == GraduationOverride::graduate) return GraduationOutcome::graduate;
  if (decision == GraduationOverride::withhold) return eligible ? GraduationOutcome::withheld : GraduationOutcome::not_eligible;
  return eligible ? GraduationOutcome::graduate : GraduationOutcome::not_eligible;
}

Result<void> check_override(EnrollmentStatus status, GraduationOverride decision, std::string_view justification) {
  if (status == EnrollmentStatus::withdrawn && decision == GraduationOverride::graduate)
    return std::unexpected(make_error(ErrorCode::conflict, "error.graduation.withdrawn"));
  if (status == EnrollmentStatus::graduated) return std::unexpected(make_error(ErrorCode::conflict, "error.graduation.already_graduated"));
  const auto written = trim(justification);
  if (written.size() < minimum_justification_length)
    return std::unexpected(field_error("justification", "too_short", "error.graduation.justification", std::string(written)));
  if (written.size() > maximum_justification_length) return std::unexpected(field_error("justification", "too_long", "error.field.too_long"));
  return {};
}

bool WhatIf::empty() const {
  return !attendance_threshold && !module_attendance_threshold && !minimum_final_grade && !module_pass_mark;
}

Result<void> add_what_if_term(WhatIf& what_if, std::string_view term) {
  const auto equals = term.find('=');
  const auto name = trim(term.substr(0, equals));
  std::optional<double>* target = nullptr;
  if (name == "attendance") target = &what_if.attendance_threshold;
  else if (name == "module_attendance") target = &what_if.module_attendance_threshold;
  else if (name == "final_grade") target = &what_if.minimum_final_grade;
  else if (name == "pass_mark") target = &what_if.module_pass_mark;
  if (!target || equals == std::string_view::npos)
    return std::unexpected(field_error("what_if", "unknown_term", "error.graduation.what_if_term", std::string(term)));
  const auto text = trim(term.substr(equals + 1));
  double value = 0;
  const auto [end, problem] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (problem != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0 || value > 100)
    return std::unexpected(field_error("what_if", "out_of_range", "error.graduation.what_if_value", std::string(term)));
  *target = value;
  return {};
}

GradingPolicy apply(const GradingPolicy& policy, const WhatIf& what_if) {
  auto changed = policy;
  if (what_if.attendance_threshold) changed.attendance_threshold = *what_if.attendance_threshold;
  if (what_if.module_attendance_threshold) changed.module_attendance_threshold = what_if.module_attendance_threshold;
  if (what_if.minimum_final_grade) changed.minimum_final_grade = what_if.minimum_final_grade;
  if (what_if.module_pass_mark) changed.module_pass_mark = *what_if.module_pass_mark;
  return changed;
}

}  // namespace diplomado
