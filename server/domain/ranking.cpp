#include "domain/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace diplomado {
namespace {

FieldError criterion_error(std::string field, std::string code, std::string key, std::string value = {}) {
  return FieldError{std::move(field), std::nullopt, std::move(code), std::move(key), std::move(value)};
}

std::string format_number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  return text;
}

double round2(double value) { return std::round(value * 100) / 100; }

// Sum of (v_i − v_j)² over ordered pairs i ≠ j: 2 m Σv² − 2 (Σv)², so every sum is linear.
double ordered_pair_squares(double count, double sum, double sum_of_squares) {
  return std::max(0.0, 2 * count * sum_of_squares - 2 * sum * sum);
}

struct Ranks {
  std::vector<std::uint32_t> order;
  std::vector<std::size_t> rank;
};

// Orders the projects with a score by the documented rule and gives standard competition ranks.
Ranks rank_by(const std::vector<std::optional<double>>& scores, const std::vector<ProjectStanding>& projects,
              const std::vector<std::size_t>& criteria_by_weight, const std::vector<std::uint32_t>* members = nullptr) {
  std::vector<std::uint32_t> order;
  if (members) {
    order = *members;
  } else {
    order.resize(scores.size());
    std::iota(order.begin(), order.end(), 0u);
  }
  auto ahead = [&](std::uint32_t a, std::uint32_t b) -> int {  // 1: a first, -1: b first, 0: tied
    const bool has_a = scores[a].has_value(), has_b = scores[b].has_value();
    if (has_a != has_b) return has_a ? 1 : -1;
    if (!has_a) return 0;
    const double sa = round2(*scores[a]), sb = round2(*scores[b]);
    if (sa != sb) return sa > sb ? 1 : -1;
    for (std::size_t c : criteria_by_weight) {
      const double ca = round2(projects[a].criterion_means[c]), cb = round2(projects[b].criterion_means[c]);
      if (ca != cb) return ca > cb ? 1 : -1;
    }
    return 0;
  };
  std::ranges::stable_sort(order, [&](std::uint32_t a, std::uint32_t b) {
    const int result = ahead(a, b);
    return result != 0 ? result > 0 : a < b;
  });
  Ranks ranks;
  ranks.rank.assign(scores.size(), 0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::uint32_t project = order[i];
    if (!scores[project]) break;
    ranks.rank[project] = (i > 0 && ahead(order[i - 1], project) == 0) ? ranks.rank[order[i - 1]] : i + 1;
  }
  ranks.order = std::move(order);
  return ranks;
}

}  // namespace

std::vector<FieldError> check_rubric(const std::vector<CriterionScale>& criteria, const std::vector<std::string>& codes) {
  std::vector<FieldError> errors;
  if (criteria.empty()) errors.push_back(criterion_error("criteria", "required", "error.rubric.no_criteria"));
  double weights = 0;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    const std::string field = "criteria[" + std::to_string(i) + "]";
    const std::string code = i < codes.size() ? codes[i] : std::string{};
    if (code.empty()) errors.push_back(criterion_error(field + ".code", "required", "error.rubric.code_required"));
    for (std::size_t j = 0; j < i && j < codes.size(); ++j)
      if (!code.empty() && codes[j] == code) errors.push_back(criterion_error(field + ".code", "duplicate", "error.rubric.duplicate_code", code));
    if (!(criteria[i].weight >= 0) || !std::isfinite(criteria[i].weight))
      errors.push_back(criterion_error(field + ".weight", "negative", "error.grading.negative_weight", format_number(criteria[i].weight)));
    else
      weights += criteria[i].weight;
    if (criteria[i].scale_max <= criteria[i].scale_min || criteria[i].scale_max - criteria[i].scale_min > 100)
      errors.push_back(criterion_error(field + ".scale_max", "scale", "error.rubric.scale", format_number(criteria[i].scale_max)));
  }
  if (!criteria.empty() && !(weights > 0)) errors.push_back(criterion_error("criteria", "weights_sum", "error.rubric.weights_sum"));
  return errors;
}

std::vector<FieldError> check_review(const std::vector<CriterionScale>& criteria, const std::vector<std::string>& codes,
                                     const std::map<std::string, double>& scores) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < criteria.size() && i < codes.size(); ++i) {
    const auto found = scores.find(codes[i]);
    if (found == scores.end()) {
      errors.push_back(criterion_error(codes[i], "required", "error.review.missing_criterion", codes[i]));
      continue;
    }
    const double level = found->second;
    if (!std::isfinite(level) || level != std::floor(level) || level < criteria[i].scale_min || level > criteria[i].scale_max)
      errors.push_back(criterion_error(codes[i], "out_of_scale", "error.review.out_of_scale", format_number(level)));
  }
  for (const auto& [code, level] : scores)
    if (std::ranges::find(codes, code) == codes.end())
      errors.push_back(criterion_error(code, "unknown", "error.review.unknown_criterion", code));
  return errors;
}

double review_total(const std::vector<CriterionScale>& criteria, const float* scores) {
  double weighted = 0, weights = 0;
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    const CriterionScale& criterion = criteria[c];
    const double span = criterion.scale_max - criterion.scale_min;
    weighted += criterion.weight * (scores[c] - criterion.scale_min) / span;
    weights += criterion.weight;
  }
  return weights > 0 ? 100 * weighted / weights : 0;
}

Agreement krippendorff_alpha_interval(const std::vector<std::uint32_t>& unit_of_value, const std::vector<double>& values, std::size_t units) {
  struct Sums {
    double count = 0, sum = 0, squares = 0;
  };
  std::vector<Sums> per_unit(units);
  for (std::size_t i = 0; i < values.size(); ++i) {
    Sums& unit = per_unit[unit_of_value[i]];
    unit.count += 1;
    unit.sum += values[i];
    unit.squares += values[i] * values[i];
  }
  Agreement agreement;
  Sums pooled;
  double observed = 0;
  for (const Sums& unit : per_unit) {
    if (unit.count < 2) continue;  // a value without a partner is not pairable
    ++agreement.units;
    pooled.count += unit.count;
    pooled.sum += unit.sum;
    pooled.squares += unit.squares;
    observed += ordered_pair_squares(unit.count, unit.sum, unit.squares) / (unit.count - 1);
  }
  agreement.values = static_cast<std::size_t>(pooled.count);
  if (agreement.units < 2) return agreement;
  const double n = pooled.count;
  const double disagreement_observed = observed / n;
  const double disagreement_expected = ordered_pair_squares(n, pooled.sum, pooled.squares) / (n * (n - 1));
  if (disagreement_expected <= 1e-12) return agreement;
  agreement.alpha = 1 - disagreement_observed / disagreement_expected;
  return agreement;
}

RankingResult rank_projects(const RankingInput& input) {
  const std::size_t criteria = input.criteria.size();
  const std::size_t reviews = input.reviews.size();
  RankingResult result;
  result.review_raw.resize(reviews);
  result.review_calibrated.resize(reviews);
  result.jurors.resize(input.jurors);

  // Totals, and each juror's mean and spread.
  std::vector<double> juror_squares(input.jurors, 0);
  double pooled_sum = 0, pooled_squares = 0;
  for (std::size_t r = 0; r < reviews; ++r) {
    const double total = review_total(input.criteria, &input.scores[r * criteria]);
    result.review_raw[r] = total;
    JurorCalibration& juror = result.jurors[input.reviews[r].juror];
    ++juror.reviews;
    juror.mean += total;
    juror_squares[input.reviews[r].juror] += total * total;
    pooled_sum += total;
    pooled_squares += total * total;
  }
  for (std::size_t j = 0; j < input.jurors; ++j) {
    JurorCalibration& juror = result.jurors[j];
    if (juror.reviews == 0) continue;
    const double n = static_cast<double>(juror.reviews);
    juror.mean /= n;
    juror.sd = std::sqrt(std::max(0.0, juror_squares[j] / n - juror.mean * juror.mean));
  }
  if (reviews > 0) {
    const double n = static_cast<double>(reviews);
    result.pooled_mean = pooled_sum / n;
    result.pooled_sd = std::sqrt(std::max(0.0, pooled_squares / n - result.pooled_mean * result.pooled_mean));
  }
  for (std::size_t r = 0; r < reviews; ++r) {
    const JurorCalibration& juror = result.jurors[input.reviews[r].juror];
    const double raw = result.review_raw[r];
    double calibrated = raw;
    if (juror.reviews >= 2 && juror.sd > 1e-9)
      calibrated = result.pooled_mean + result.pooled_sd * (raw - juror.mean) / juror.sd;
    else if (juror.reviews >= 2)
      calibrated = raw - juror.mean + result.pooled_mean;
    result.review_calibrated[r] = std::clamp(calibrated, 0.0, 100.0);
  }

  // Per project: means, spread, criterion means.
  result.projects.resize(input.projects);
  std::vector<double> raw_sum(input.projects, 0), calibrated_sum(input.projects, 0), lowest(input.projects, 101), highest(input.projects, -1),
      calibrated_lowest(input.projects, 101), calibrated_highest(input.projects, -1);
  for (ProjectStanding& project : result.projects) project.criterion_means.assign(criteria, 0);
  for (std::size_t r = 0; r < reviews; ++r) {
    const std::uint32_t p = input.reviews[r].project;
    ProjectStanding& project = result.projects[p];
    ++project.reviews;
    raw_sum[p] += result.review_raw[r];
    calibrated_sum[p] += result.review_calibrated[r];
    lowest[p] = std::min(lowest[p], result.review_raw[r]);
    highest[p] = std::max(highest[p], result.review_raw[r]);
    calibrated_lowest[p] = std::min(calibrated_lowest[p], result.review_calibrated[r]);
    calibrated_highest[p] = std::max(calibrated_highest[p], result.review_calibrated[r]);
    for (std::size_t c = 0; c < criteria; ++c) {
      const CriterionScale& scale = input.criteria[c];
      project.criterion_means[c] += 100.0 * (input.scores[r * criteria + c] - scale.scale_min) / (scale.scale_max - scale.scale_min);
    }
  }
  std::vector<std::optional<double>> raw_scores(input.projects), calibrated_scores(input.projects);
  for (std::size_t p = 0; p < input.projects; ++p) {
    ProjectStanding& project = result.projects[p];
    if (project.reviews == 0) continue;
    const double n = static_cast<double>(project.reviews);
    project.raw_score = raw_scores[p] = raw_sum[p] / n;
    project.calibrated_score = calibrated_scores[p] = calibrated_sum[p] / n;
    for (double& mean : project.criterion_means) mean /= n;
    project.spread = highest[p] - lowest[p];
    project.calibrated_spread = calibrated_highest[p] - calibrated_lowest[p];
    project.disputed = project.reviews >= 2 && project.calibrated_spread > input.disagreement_threshold;
  }

  std::vector<std::uint32_t> unit_of_value(reviews);
  for (std::size_t r = 0; r < reviews; ++r) unit_of_value[r] = input.reviews[r].project;
  result.agreement = krippendorff_alpha_interval(unit_of_value, result.review_raw, input.projects);

  std::vector<std::size_t> criteria_by_weight(criteria);
  std::iota(criteria_by_weight.begin(), criteria_by_weight.end(), std::size_t{0});
  std::ranges::stable_sort(criteria_by_weight, [&](std::size_t a, std::size_t b) { return input.criteria[a].weight > input.criteria[b].weight; });

  Ranks raw = rank_by(raw_scores, result.projects, criteria_by_weight);
  Ranks calibrated = rank_by(calibrated_scores, result.projects, criteria_by_weight);
  for (std::size_t p = 0; p < input.projects; ++p) {
    result.projects[p].rank_raw = raw.rank[p];
    result.projects[p].rank_calibrated = calibrated.rank[p];
  }
  result.order_raw = std::move(raw.order);
  result.order_calibrated = std::move(calibrated.order);

  // Per region: the same rule among the region's projects.
  std::map<std::uint32_t, std::vector<std::uint32_t>> regions;
  for (std::uint32_t p = 0; p < input.projects; ++p) regions[p < input.project_regions.size() ? input.project_regions[p] : 0].push_back(p);
  for (const auto& [region, members] : regions) {
    const Ranks region_raw = rank_by(raw_scores, result.projects, criteria_by_weight, &members);
    const Ranks region_calibrated = rank_by(calibrated_scores, result.projects, criteria_by_weight, &members);
    for (std::uint32_t p : members) {
      result.projects[p].region_rank_raw = region_raw.rank[p];
      result.projects[p].region_rank_calibrated = region_calibrated.rank[p];
    }
  }
  return result;
}

}  // namespace diplomado
