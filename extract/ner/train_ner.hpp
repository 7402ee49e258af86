// The `train-ner` job behind both `kgraph train-ner` and the stand-alone
// kgraph_train_ner tool: train a model on a JSONL file (choosing the epoch on a
// dev file), or with eval_only score an existing model on a dev file and time it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>

namespace kgraph::extract::ner {

struct TrainNerOptions {
  std::filesystem::path train;      // training JSONL (not used with eval_only)
  std::filesystem::path dev;        // dev JSONL: epoch choice and the reported score
  std::filesystem::path output;     // model file to write
  std::filesystem::path eval_only;  // if set: only score this model on `dev`
  std::filesystem::path ontology;   // the ontology directory (gazetteers)
  int epochs = 20;                  // at most; training stops early on the dev score
  std::uint32_t seed = 1;
  std::size_t train_limit = 0;  // > 0: only the first N training sentences
  std::size_t dev_limit = 0;    // > 0: only the first N dev sentences
  bool quiet = false;           // no per-epoch lines on stderr
};

// Returns the exit code: 0 done, 1 done but some input lines were bad, 2 fatal.
// Scores go to `out`, progress and problems to `err`.
int run_train_ner(const TrainNerOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kgraph::extract::ner
