// The learned candidate scorer: a logistic regression over the features of
// relation_candidates.hpp, with one threshold per relation type. Candidates the rules did
// not find and that score at or above their type's threshold become relations.
//
// File (ontology/models/relation-scorer.tsv, written by scripts/train-relation-scorer):
//   # kgraph-data relation-scorer v1
//   kind       key                      value
//   threshold  met_with                 0.55      probability at or above which a candidate is kept
//   weight     met_with|tl=meet         0.8312    a feature's weight (the bias is the feature "b")
// Comment lines name the training data, its licence, the command and the cross-validated scores.
#pragma once

#include <filesystem>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ontology/types.hpp"

namespace kgraph::extract {

class RelationScorer {
 public:
  // Throws DataFileError naming file:line (E345) for a row it does not understand:
  // an unknown kind or relation type, a value that is not a number, a threshold outside (0, 1),
  // a feature given twice; and when a relation scored has no threshold.
  static RelationScorer load(const std::filesystem::path& file);

  // The probability the model gives a candidate with these features.
  double probability(const std::vector<std::string>& features) const;
  // The threshold of a relation type; 2 (never reached) for a type the model does not score.
  double threshold(RelationType type) const;

 private:
  // The weights by feature name in an open-addressing table, at most half full, the names back
  // to back in names_: a candidate looks up some 60 features, and the nodes of an unordered_map
  // missed the cache (2% of extract's time on the bench corpus).
  struct Slot {
    std::uint64_t hash = 0;
    double weight = 0;
    std::uint32_t offset = 0, size = 0;  // the name in names_; size 0: a free slot (no name is empty)
  };
  // The slot holding `name`, or the free slot where it would go.
  std::size_t slot_of(std::string_view name, std::uint64_t hash) const;
  std::vector<Slot> slots_;
  std::string names_;
  std::unordered_map<int, double> thresholds_;  // by RelationType
};

}  // namespace kgraph::extract
