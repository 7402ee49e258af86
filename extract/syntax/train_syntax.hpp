// Training and evaluation of the syntax model (tagger + parser) on CoNLL-U
// sentences. Deterministic: fixed seed, fixed order, single thread, so the same
// data and options give the same model bytes.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "extract/syntax/conllu.hpp"
#include "extract/syntax/syntax_model.hpp"

namespace kgraph::extract::syntax {

struct SyntaxTrainOptions {
  int tagger_epochs = 8;
  int parser_epochs = 15;
  // The parser trains on tags predicted by taggers trained on the other folds,
  // so it sees tagging errors as it will when parsing new text. 0: gold tags.
  int jackknife = 5;
  double explore = 0.9;  // dynamic oracle: follow the model's own choice with this probability
  int explore_from = 1;  // ... from this epoch on (0-based)
  std::uint64_t seed = 1;
  float prune = 0.0f;  // drop averaged weights smaller than this
};

struct SyntaxScores {
  std::size_t words = 0;
  double upos = 0, uas = 0, las = 0, clas_universal = 0;  // clas_universal: LAS on the relation without subtype
  double seconds = 0;
};

// Returns the model file's bytes; per-epoch dev scores go to `log` when `dev` is not empty.
std::string train_syntax(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                         const SyntaxTrainOptions& opt, std::ostream& log);

SyntaxScores evaluate_syntax(const SyntaxModel& model, const std::vector<Sentence>& gold);

}  // namespace kgraph::extract::syntax
