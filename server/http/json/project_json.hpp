#pragma once
#include "json/json_writer.hpp"
#include "services/manage_jury.hpp"
#include "services/score_project.hpp"
#include "services/submit_project.hpp"

namespace diplomado {

void write(JsonWriter& json, const ProjectRecord& project);
void write(JsonWriter& json, const services::ProjectDetail& detail);
void write(JsonWriter& json, const RubricRecord& rubric);
void write(JsonWriter& json, const services::ReviewView& review);
void write(JsonWriter& json, const JurorRecord& juror);
void write(JsonWriter& json, const services::JuryProgress& progress);
void write(JsonWriter& json, const services::AssignmentOutcome& outcome);
void write(JsonWriter& json, const AttachmentRecord& attachment);
void write(JsonWriter& json, const ProjectSettings& settings);
void write(JsonWriter& json, const services::AssignedReview& review);

}  // namespace diplomado
