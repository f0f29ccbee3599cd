#include "documents/ranking_report.hpp"

#include <cmath>

#include "json/json_writer.hpp"

namespace diplomado::documents {
namespace {

// Two decimals, as shown and as the tie-break compares them.
std::optional<double> score(const std::optional<double>& value) {
  if (!value) return std::nullopt;
  return std::round(*value * 100) / 100;
}
double score(double value) { return std::round(value * 100) / 100; }
std::optional<std::int64_t> rank(std::int64_t value) { return value ? std::optional<std::int64_t>(value) : std::nullopt; }

}  // namespace

std::string ranking_json(const services::RankingView& ranking) {
  JsonWriter json;
  json.begin_object().field("programme", ranking.programme_code).field("order", ranking.order == services::RankingOrder::raw ? "raw" : "calibrated");
  json.key("criteria").begin_array();
  for (const auto& criterion : ranking.criteria) {
    json.begin_object().field("code", criterion.code).key("title").begin_object().field("es", criterion.title.es).field("en", criterion.title.en).end_object();
    json.field("weight", criterion.weight).field("scale_min", criterion.scale_min).field("scale_max", criterion.scale_max).end_object();
  }
  json.end_array();
  json.key("agreement").begin_object().field("method", "krippendorff_alpha_interval").key("alpha");
  write_value(json, ranking.alpha ? std::optional<double>(std::round(*ranking.alpha * 1000) / 1000) : std::nullopt);
  json.field("projects", ranking.alpha_units).field("disagreement_threshold", ranking.disagreement_threshold).end_object();
  json.key("pooled").begin_object().field("mean", score(ranking.pooled_mean)).field("sd", score(ranking.pooled_sd)).end_object();
  json.key("jurors").begin_array();
  for (const auto& juror : ranking.jurors)
    json.begin_object()
        .field("user_id", juror.user_id)
        .field("name", juror.display_name)
        .field("reviews", juror.reviews)
        .field("mean", score(juror.mean))
        .field("sd", score(juror.sd))
        .end_object();
  json.end_array().key("projects").begin_array();
  for (const auto& project : ranking.projects) {
    json.begin_object().field("project_id", project.project_id).field("team_id", project.team_id).field("team", project.team_name);
    json.key("region").begin_object().field("code", project.region_code).field("name", project.region_name).end_object();
    json.field("title", project.title).key("gcm_objectives");
    write_value(json, project.gcm_objectives);
    json.field("reviews", project.reviews).key("raw_score");
    write_value(json, score(project.raw_score));
    json.key("calibrated_score");
    write_value(json, score(project.calibrated_score));
    for (const auto& [name, value] : {std::pair{"rank_raw", project.rank_raw}, std::pair{"rank_calibrated", project.rank_calibrated},
                                      std::pair{"region_rank_raw", project.region_rank_raw}, std::pair{"region_rank_calibrated", project.region_rank_calibrated}}) {
      json.key(name);
      write_value(json, rank(value));
    }
    json.key("spread");
    write_value(json, score(project.spread));
    json.key("calibrated_spread");
    write_value(json, score(project.calibrated_spread));
    json.field("needs_further_review", project.disputed);
    json.key("criterion_means").begin_object();
    for (std::size_t c = 0; c < ranking.criteria.size() && c < project.criterion_means.size(); ++c) {
      json.key(ranking.criteria[c].code);
      write_value(json, score(project.criterion_means[c]));
    }
    json.end_object();
    if (!project.review_details.empty()) {
      json.key("review_details").begin_array();
      for (const auto& review : project.review_details) {
        json.begin_object().field("user_id", review.user_id).field("juror", review.juror).field("raw_total", score(review.raw_total));
        json.field("calibrated_total", score(review.calibrated_total)).key("levels").begin_object();
        for (std::size_t c = 0; c < ranking.criteria.size() && c < review.levels.size(); ++c) json.field(ranking.criteria[c].code, review.levels[c]);
        json.end_object().key("comments").begin_object();
        for (std::size_t c = 0; c < ranking.criteria.size() && c < review.levels.size(); ++c)
          if (c < review.comments.size() && !review.comments[c].empty()) json.field(ranking.criteria[c].code, review.comments[c]);
        json.end_object().end_object();
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array().key("best_project").begin_object().key("proposed");
  write_value(json, ranking.proposed_best);
  json.key("confirmed");
  write_value(json, ranking.confirmed_best);
  json.key("confirmed_at").text_or_null(ranking.confirmed_at).end_object().end_object();
  return json.take();
}

}  // namespace diplomado::documents
