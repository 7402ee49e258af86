// Every subcommand registers itself on the CLI11 app through one add_* function
// (one file per subcommand, each with an options struct and a run_* function).
// A subcommand's callback stores its exit code in `exit_code`:
// 0 all good, 1 finished but some inputs failed, 2 usage or fatal error.
#pragma once

#include <CLI/CLI.hpp>

namespace kgraph::cli {

struct CommandResult {
  int exit_code = 0;
};

void add_extract_command(CLI::App& app, CommandResult& result);
void add_build_command(CLI::App& app, CommandResult& result);
void add_merge_command(CLI::App& app, CommandResult& result);
void add_eval_command(CLI::App& app, CommandResult& result);
void add_check_ontology_command(CLI::App& app, CommandResult& result);
void add_report_command(CLI::App& app, CommandResult& result);
void add_train_ner_command(CLI::App& app, CommandResult& result);
void add_text_command(CLI::App& app, CommandResult& result);

}  // namespace kgraph::cli
