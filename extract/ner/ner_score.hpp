// NerScore: exact-match span scoring, the CoNLL way: a predicted span counts
// only if its first token, last token and type all equal a gold span's. The
// headline number is micro P/R/F1 over PER, ORG and LOC; MISC is counted per
// type but left out of the micro score (our graph does not use it).
#pragma once

#include <ostream>
#include <span>
#include <vector>

#include "extract/ner/ner_label.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract::ner {

struct SpanCounts {
  std::size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

class NerScore {
 public:
  void add(std::span<const NerSpan> gold, std::span<const NerSpan> predicted);
  const SpanCounts& of(NerLabel l) const { return per_label_[static_cast<int>(l)]; }
  SpanCounts micro() const;  // PER + ORG + LOC
  void print(std::ostream& out) const;

 private:
  SpanCounts per_label_[4];
};

// The spans a well-formed BIO sequence encodes (confidence 1).
std::vector<NerSpan> spans_from_tags(std::span<const Tag> tags);

}  // namespace kgraph::extract::ner
