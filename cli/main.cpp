// kgraph: news articles in, a sourced knowledge graph out.
// This file only wires the subcommands; each lives in its own *_command.cpp.
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "extract/profile/stage_profile.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "kgraph builds a knowledge graph of who met whom, who spoke with whom and who deployed what where\n"
      "from news articles, with every edge traceable to the sentence it came from.",
      "kgraph"};
  app.set_version_flag("--version", std::string("kgraph ") + KGRAPH_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'kgraph COMMAND --help' for a command's options.\n"
      "Exit codes: 0 all inputs fine, 1 finished but some inputs failed, 2 usage or fatal error,\n"
      "or no readable input (E108: nothing written), 130 interrupted by SIGINT or SIGTERM\n"
      "(build, merge, extract -o: nothing replaced). Each command's --help gives its own.");

  // Per-stage timing on stderr at the end (extract/profile/stage_profile.hpp); outputs are unchanged.
  if (const char* p = std::getenv("KGRAPH_PROFILE"); p && *p && std::string(p) != "0") kgraph::extract::profile::enable();
  app.add_flag_callback("--profile", [] { kgraph::extract::profile::enable(); },
                        "Print the time spent in each stage on stderr at the end (or set KGRAPH_PROFILE=1)");

  kgraph::cli::CommandResult result;
  kgraph::cli::add_extract_command(app, result);
  kgraph::cli::add_build_command(app, result);
  kgraph::cli::add_merge_command(app, result);
  kgraph::cli::add_eval_command(app, result);
  kgraph::cli::add_check_ontology_command(app, result);
  kgraph::cli::add_report_command(app, result);
  kgraph::cli::add_train_ner_command(app, result);
  kgraph::cli::add_text_command(app, result);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "kgraph: error: " << e.what() << "\n";
    return 2;
  }
  if (kgraph::extract::profile::enabled()) kgraph::extract::profile::report(std::cerr);
  return result.exit_code;
}
