// Scores extractions, one at a time, against a gold standard. An extraction is
// matched to a gold document by id, or by the file-name part of its id (so
// "corpus/000.txt" scores against gold "000.txt"). Matching rules:
//  - a predicted entity matches a gold entity when its canonical name equals,
//    by name_key, the gold name or one of its aliases; one matching an optional
//    entity is neutral; any other is a false positive; unmatched gold entities
//    are misses;
//  - a predicted entity whose name or any mention text equals a forbidden name
//    is listed as forbidden (and is also a false positive);
//  - a relation's head and tail are mapped to gold canonical names through the
//    entity matching (unmatched: the predicted name) and compared as
//    (type, head, tail), either direction for symmetric types.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval/eval_report.hpp"
#include "eval/gold_standard.hpp"
#include "ontology/extraction.hpp"

namespace kgraph::eval {

class Scorer {
 public:
  explicit Scorer(GoldStandard gold);

  // Scores `x` if it belongs to a gold document not yet scored; a second
  // extraction for the same document, or one without gold, is only listed.
  void add(const Extraction& x);

  // Totals over all gold documents; those never added count as extracted empty.
  EvalReport report() const;

 private:
  std::optional<std::size_t> find_document(const std::string& id) const;

  GoldStandard gold_;
  std::map<std::string, std::size_t> index_;       // gold doc -> position
  std::vector<std::optional<EvalReport>> scored_;  // per gold document
  std::vector<std::string> without_gold_;
};

// The score of one document on its own (exposed for tests).
EvalReport score_document(const GoldDocument& gold, const Extraction& x);

}  // namespace kgraph::eval
