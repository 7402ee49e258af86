// kgraph eval: score extractions against a gold standard.
//   kgraph eval --gold GOLD.json EXTRACTIONS.jsonl [--json]
// The work is in eval/run_eval.cpp; this file only maps options.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "eval/run_eval.hpp"

namespace kgraph::cli {

void add_eval_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<eval::EvalOptions>();
  CLI::App* cmd = app.add_subcommand("eval", "Score extractions against a gold standard");
  cmd->footer(
      "An extraction matches a gold document by id (or by the file-name part of its id).\n"
      "Entities match by canonical name or alias (case-, space- and apostrophe-insensitive);\n"
      "optional entities are neutral. Relations are scored as (type, head, tail) on canonical\n"
      "names, met_with and spoke_with in either direction; recall counts required relations only.\n" +
      command_footer("the scores to stdout (text, or JSON with --json); no file.",
                     "kgraph eval --gold tests/data/seeds.gold.json out/extractions.jsonl",
                     "Exit codes: 0 scored (whatever the scores; thresholds are for the test suite),\n"
                     "2 usage error, gold or extractions unreadable (each broken line is named FILE:LINE)."));
  cmd->add_option("--gold", options->gold, "Gold standard JSON (format of tests/data/seeds.gold.json)")
      ->required();
  cmd->add_option("extractions", options->extractions, "Extractions, one JSON object per line ('-' = stdin)")
      ->required();
  cmd->add_flag("--json", options->json, "Print the report as JSON instead of text");
  cmd->callback([options, &result] { result.exit_code = eval::run_eval(*options, std::cin, std::cout, std::cerr); });
}

}  // namespace kgraph::cli
