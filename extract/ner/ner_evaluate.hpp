// Scores a tagger on labelled sentences and times it (tagging only: reading
// and scoring are outside the clock).
#pragma once

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/ner_score.hpp"
#include "extract/ner/ner_tagger.hpp"

namespace kgraph::extract::ner {

struct Evaluation {
  NerScore score;
  double tag_seconds = 0;
  std::size_t tokens = 0;
};

Evaluation evaluate(const NerTagger& tagger, const ConllData& data);

}  // namespace kgraph::extract::ner
