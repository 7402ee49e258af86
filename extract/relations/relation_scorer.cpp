#include "extract/relations/relation_scorer.hpp"

#include <charconv>
#include <cmath>

#include "ontology/tsv_table.hpp"

namespace kgraph::extract {
namespace {

bool parse_number(const std::string& s, double& out) {
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

}  // namespace

RelationScorer RelationScorer::load(const std::filesystem::path& file) {
  const TsvTable table = load_tsv(file, "relation-scorer");
  RelationScorer scorer;
  const TsvRow* last = nullptr;  // its place is written only for the error below (32k rows)
  for (const TsvRow& r : table.rows) {
    last = &r;
    if (r.cells.size() != 3) throw DataFileError(make_error("E345", table.where(r), "expected kind, key, value"));
    double value = 0;
    if (!parse_number(r[2], value)) throw DataFileError(make_error("E345", table.where(r), "'" + r[2] + "' is not a number"));
    if (r[0] == "threshold") {
      const auto type = parse_relation_type(r[1]);
      if (!type) throw DataFileError(make_error("E345", table.where(r), "unknown relation type '" + r[1] + "'"));
      if (value <= 0 || value >= 1)
        throw DataFileError(make_error("E345", table.where(r), "a threshold is a probability between 0 and 1, not " + r[2]));
      scorer.thresholds_[static_cast<int>(*type)] = value;
    } else if (r[0] == "weight") {
      if (r[1].empty()) throw DataFileError(make_error("E345", table.where(r), "a weight needs a feature name"));
      if (!scorer.weights_.emplace(r[1], value).second)
        throw DataFileError(make_error("E345", table.where(r), "feature '" + r[1] + "' is given twice"));
    } else {
      throw DataFileError(make_error("E345", table.where(r), "unknown kind '" + r[0] + "' (threshold, weight)"));
    }
  }
  if (scorer.thresholds_.empty() || !scorer.weights_.count("b"))
    throw DataFileError(make_error("E345", last ? table.where(*last) : file.string(),
                                   "the model has no threshold or no bias weight 'b'"));
  return scorer;
}

double RelationScorer::probability(const std::vector<std::string>& features) const {
  double z = 0;
  for (const std::string& f : features)
    if (auto it = weights_.find(f); it != weights_.end()) z += it->second;
  return 1.0 / (1.0 + std::exp(-z));
}

double RelationScorer::threshold(RelationType type) const {
  const auto it = thresholds_.find(static_cast<int>(type));
  return it == thresholds_.end() ? 2.0 : it->second;
}

}  // namespace kgraph::extract
