// Scores a tagger on labelled sentences and times it (tagging only: reading
// and scoring are outside the clock). With timing_passes > 1 the data is tagged
// that many times and the fastest pass is reported: on a shared machine the
// minimum is the stable number.
#pragma once

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/ner_score.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract::ner {

struct Evaluation {
  NerScore score;
  double tag_seconds = 0;  // CPU seconds of the fastest pass
  std::size_t tokens = 0;
};

Evaluation evaluate(const NerTagger& tagger, const ConllData& data, int timing_passes = 1);

}  // namespace kgraph::extract::ner
