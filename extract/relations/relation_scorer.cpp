#include "extract/relations/relation_scorer.hpp"

#include <charconv>
#include <cmath>
#include <functional>

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
  std::size_t weights = 0;
  for (const TsvRow& r : table.rows) weights += !r.cells.empty() && r[0] == "weight";
  std::size_t size = 16;
  while (size < 2 * weights) size *= 2;
  scorer.slots_.assign(size, Slot{});
  bool bias = false;
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
      const std::uint64_t hash = std::hash<std::string_view>{}(r[1]);
      Slot& slot = scorer.slots_[scorer.slot_of(r[1], hash)];
      if (slot.size != 0) throw DataFileError(make_error("E345", table.where(r), "feature '" + r[1] + "' is given twice"));
      slot = Slot{hash, value, static_cast<std::uint32_t>(scorer.names_.size()), static_cast<std::uint32_t>(r[1].size())};
      scorer.names_ += r[1];
      bias = bias || r[1] == "b";
    } else {
      throw DataFileError(make_error("E345", table.where(r), "unknown kind '" + r[0] + "' (threshold, weight)"));
    }
  }
  if (scorer.thresholds_.empty() || !bias)
    throw DataFileError(make_error("E345", last ? table.where(*last) : file.string(),
                                   "the model has no threshold or no bias weight 'b'"));
  return scorer;
}

std::size_t RelationScorer::slot_of(std::string_view name, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.size == 0 || (slot.hash == hash && std::string_view(names_).substr(slot.offset, slot.size) == name)) return i;
  }
}

double RelationScorer::probability(const std::vector<std::string>& features) const {
  double z = 0;  // summed in the features' order, so the sum does not depend on the table
  for (const std::string& f : features) {
    const Slot& slot = slots_[slot_of(f, std::hash<std::string_view>{}(f))];
    if (slot.size != 0) z += slot.weight;
  }
  return 1.0 / (1.0 + std::exp(-z));
}

double RelationScorer::threshold(RelationType type) const {
  const auto it = thresholds_.find(static_cast<int>(type));
  return it == thresholds_.end() ? 2.0 : it->second;
}

}  // namespace kgraph::extract
