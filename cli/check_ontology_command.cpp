// kgraph check-ontology: loads every vocabulary file and model the extractor
// uses and reports the first problem as FILE:LINE, so data edits can be checked alone.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::cli {

void add_check_ontology_command(CLI::App& app, CommandResult& result) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("check-ontology", "Load and check the vocabulary files in ontology/");
  cmd->add_option("--ontology", *dir, "Folder to check (default: the bundled ontology/)");
  cmd->footer(command_footer(
      "no file; prints 'ontology ok: DIR' to stdout, or the first problem as FILE:LINE on stderr.",
      "kgraph check-ontology --ontology my-ontology",
      "Exit codes: 0 every data file and model loads, 2 a problem (named FILE:LINE) or a usage error."));
  cmd->callback([dir, &result] {
    const auto path = find_ontology_dir(*dir);
    try {
      extract::Extractor extractor(path);
      load_given_names(path);  // the graph's tables, read by build and merge
      load_place_spellings(path);
      load_organisation_names(path);
      std::cout << "ontology ok: " << path.string() << "\n";
      result.exit_code = 0;
    } catch (const DataFileError& e) {
      std::cerr << e.diagnostic.format() << "\n";
      result.exit_code = 2;
    } catch (const std::exception& e) {
      std::cerr << "kgraph: error: " << path.string() << ": " << e.what() << "\n";
      result.exit_code = 2;
    }
  });
}

}  // namespace kgraph::cli
