// kgraph_train_ner: the train-ner subcommand as a program of its own, so the
// tagger can be trained and scored before (or without) the whole kgraph binary.
// It runs the very same cli/train_ner_command.cpp:
//   kgraph_train_ner --train T.jsonl --dev D.jsonl -o MODEL  ==  kgraph train-ner ...
#include <exception>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Trains or scores the kgraph NER tagger (same options as 'kgraph train-ner').", "kgraph_train_ner"};
  app.require_subcommand(1);
  kgraph::cli::CommandResult result;
  kgraph::cli::add_train_ner_command(app, result);
  std::vector<const char*> args{argv[0], "train-ner"};
  for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
  try {
    app.parse(static_cast<int>(args.size()), const_cast<char**>(args.data()));
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "kgraph: error: " << e.what() << "\n";
    return 2;
  }
  return result.exit_code;
}
