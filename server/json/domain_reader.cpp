#include "json/domain_reader.hpp"

namespace diplomado {

// The bounds stop abuse only; the rules (weights, a maximum above zero, a known kind) are the
// domain's, which names them in the user's language.
void describe(BodyReader& reader, AssessmentSeed& assessment) {
  reader.required("code", assessment.code, {.max_length = 50})
      .nullable("module", assessment.module, {.min = 1, .max = 1000})
      .required("kind", assessment.kind, {.max_length = 50})
      .required("title", assessment.title)
      .required("max_score", assessment.max_score, {.max = 1e6})
      .optional("weight", assessment.weight, {.max = 1e6})
      .optional("due_date", assessment.due_date, {.max_length = 10});
}

void describe(BodyReader& reader, GradingPolicy& policy) {
  reader.optional("module_pass_mark", policy.module_pass_mark)
      .optional("rounding_decimals", policy.rounding_decimals)
      .optional("attendance_threshold", policy.attendance_threshold)
      .choice("missing_grade", policy.missing_grade, parse_missing_grade)
      .choice("excused_absence", policy.excused, parse_excused_absence);
}

}  // namespace diplomado
