#pragma once
#include "json/json_writer.hpp"
#include "services/assign_instructors.hpp"
#include "services/get_gradebook.hpp"
#include "services/manage_assessments.hpp"

namespace diplomado {

void write(JsonWriter& json, const services::GradeGrid& grid);
void write(JsonWriter& json, const SessionRecord& session);
void write(JsonWriter& json, const services::SessionAttendance& attendance);
void write(JsonWriter& json, const AssessmentDetail& assessment);
void write(JsonWriter& json, const services::InstructorView& instructor);

}  // namespace diplomado
