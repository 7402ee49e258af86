// kgraph train-ner: train the statistical NER tagger, or score a model.
//   kgraph train-ner --train T.jsonl --dev D.jsonl -o MODEL [--epochs N] [--seed S]
//   kgraph train-ner --eval-only MODEL --dev D.jsonl
// The work is in extract/ner/train_ner.cpp; this file only maps options.
#include <iostream>

#include "cli/commands.hpp"
#include "extract/ner/train_ner.hpp"

namespace kgraph::cli {

void add_train_ner_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<extract::ner::TrainNerOptions>();
  options->ontology = KGRAPH_SOURCE_ONTOLOGY;
  CLI::App* cmd = app.add_subcommand("train-ner", "Train the named-entity tagger on JSONL data, or score a model");
  cmd->add_option("--train", options->train, "Training data (JSONL with code-point entity offsets)");
  cmd->add_option("--dev", options->dev, "Dev data: picks the epoch and is scored")->required();
  cmd->add_option("-o,--output", options->output, "Model file to write");
  cmd->add_option("--eval-only", options->eval_only, "Only score this model on --dev (and time the tagging)");
  cmd->add_option("--epochs", options->epochs, "At most this many epochs (stops early on the dev score)")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Seed of the sentence shuffling")->capture_default_str();
  cmd->add_option("--train-limit", options->train_limit, "Use only the first N training sentences");
  cmd->add_option("--dev-limit", options->dev_limit, "Use only the first N dev sentences");
  cmd->add_option("--ontology", options->ontology, "Ontology directory (gazetteers)")->capture_default_str();
  cmd->add_flag("-q,--quiet", options->quiet, "No per-epoch progress on stderr");
  cmd->callback([options, &result] {
    if (options->eval_only.empty() && (options->train.empty() || options->output.empty()))
      throw CLI::ValidationError("train-ner", "needs --train and -o (or --eval-only MODEL)");
    result.exit_code = extract::ner::run_train_ner(*options, std::cout, std::cerr);
  });
}

}  // namespace kgraph::cli
