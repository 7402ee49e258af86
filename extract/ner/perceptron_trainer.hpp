// Trains the tagger's averaged perceptron (Collins 2002; the greedy variant of
// Honnibal's tagger). Each epoch visits the training sentences in an order
// shuffled by a seeded std::mt19937 with our own Fisher-Yates (std::shuffle
// differs between standard libraries), tags each left to right with the current
// weights -- feeding its own predicted tags to the tag-history features, as at
// run time -- and on every wrong token moves weight from the predicted tag to the
// gold one. After each epoch the averaged weights are quantised exactly as they
// will be saved, scored on the dev set, and the best epoch is kept; training
// stops after `patience` epochs without improvement. Same data, seed and build
// => byte-identical model.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "extract/ner/conll_reader.hpp"
#include "extract/ner/gazetteer.hpp"
#include "extract/ner/ner_score.hpp"

namespace kgraph::extract::ner {

struct TrainParams {
  int max_epochs = 20;
  int patience = 4;
  std::uint32_t seed = 1;
  float prune_below = 0.0005f;  // drop feature rows whose weights are all below this fraction of the largest
};

struct TrainResult {
  std::string model_bytes;  // the best epoch's model file, as NerModel::serialise wrote it
  int best_epoch = 0;
  NerScore dev_score;
  std::size_t features = 0;  // feature rows before pruning
};

TrainResult train_perceptron(const ConllData& train, const ConllData& dev, std::shared_ptr<const Gazetteer> gazetteer,
                             const TrainParams& params, std::ostream* log);

}  // namespace kgraph::extract::ner
