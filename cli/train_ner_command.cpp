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
  // The default is set when the command runs, not shown as a path of the
  // machine kgraph was built on. (This file also builds alone into
  // kgraph_train_ner, without cli/run_support, so it names the source tree's.)
  auto ontology = std::make_shared<std::string>();
  cmd->add_option("--ontology", *ontology, "Ontology directory (gazetteers; default: the bundled ontology/)");
  cmd->add_flag("-q,--quiet", options->quiet, "No per-epoch progress on stderr");
  // The shape of every command's footer (cli/run_support.hpp, command_footer).
  cmd->footer(
      "Writes the model to -o MODEL, and the dev score (and, with --eval-only, the tagging speed) to stdout.\n"
      "Example: kgraph train-ner --train train.jsonl --dev dev.jsonl -o ner.model\n"
      "Exit codes: 0 trained or scored, 1 done but some data lines were skipped (named on stderr),\n"
      "2 usage error, unreadable data or model, or a model that cannot be written.");
  cmd->callback([options, ontology, &result] {
    if (options->eval_only.empty() && (options->train.empty() || options->output.empty()))
      throw CLI::ValidationError("train-ner", "needs --train and -o (or --eval-only MODEL)");
    options->ontology = ontology->empty() ? std::string(KGRAPH_SOURCE_ONTOLOGY) : *ontology;
    result.exit_code = extract::ner::run_train_ner(*options, std::cout, std::cerr);
  });
}

}  // namespace kgraph::cli
