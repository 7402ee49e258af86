// kgraph report: read extraction files (or a build folder) and print the
// relation report, or one entity's profile, as Markdown on stdout.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "export/entity_lookup.hpp"
#include "export/report_writer.hpp"
#include "graph/knowledge_graph.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::cli {
namespace {

struct ReportOptions {
  std::vector<std::string> sources;  // extraction files or build folders
  std::string entity;
  std::string ontology;
};

// "Jane Doe (Person, 12 mentions)": enough to tell candidates apart.
std::string described(const graph::KnowledgeGraph& g, int node) {
  const graph::Node n = g.nodes()[static_cast<std::size_t>(node)];
  return n.name + " (" + std::string(to_string(n.type)) + ", " + std::to_string(n.mentions) +
         (n.mentions == 1 ? " mention)" : " mentions)");
}

// The node --entity means, or -1 after saying why on stderr: E501 for no
// match (with the closest names), E502 for a name several entities share.
int find_entity(const graph::KnowledgeGraph& g, const std::string& name) {
  const exports::EntityLookup found = exports::lookup_entity(g, name);
  if (found.node >= 0) return found.node;
  if (!found.candidates.empty()) {
    std::cerr << "kgraph: error: [E502] '" << name << "' names " << found.candidates.size()
              << " entities; choose one with --entity \"FULL NAME\":\n";
    for (int c : found.candidates) std::cerr << "  " << described(g, c) << "\n";
    return -1;
  }
  std::cerr << "kgraph: error: [E501] no entity named '" << name << "' in the extractions";
  if (!found.suggestions.empty()) {
    std::cerr << "; did you mean: ";
    for (std::size_t i = 0; i < found.suggestions.size(); ++i)
      std::cerr << (i ? ", " : "") << g.nodes().name(static_cast<std::size_t>(found.suggestions[i]));
    std::cerr << "?";
  }
  std::cerr << "\n";
  return -1;
}

int run_report(const ReportOptions& o) {
  Messages messages(true);
  graph::KnowledgeGraph g;
  use_name_tables(g, find_ontology_dir(o.ontology));
  std::vector<std::filesystem::path> files;
  for (const std::string& source : o.sources) {
    files.emplace_back(source);
    if (std::filesystem::is_directory(files.back())) files.back() /= "extractions.jsonl";
  }
  read_extraction_files(files, messages, [&](Extraction&& x) { g.add(x); });
  g.finalize();
  exports::ExportOptions eo;
  eo.ontology_dir = find_ontology_dir(o.ontology);
  if (o.entity.empty()) {
    exports::write_markdown_report(g, std::cout, eo);
  } else {
    const int node = find_entity(g, o.entity);
    if (node < 0) return 1;
    std::cout << exports::entity_profile_markdown(g, node);
  }
  return messages.errors() > 0 ? 1 : 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* cmd = app.add_subcommand("report", "Print the relation report, or one entity's profile, as Markdown");
  cmd->add_option("extractions", options->sources, "Extraction files (JSON Lines) or folders written by 'kgraph build'")
      ->required();
  cmd->add_option("--entity", options->entity, "Print only this entity's profile (name, alias or surname; case and accents ignored)");
  cmd->add_option("--ontology", options->ontology, "Folder with the vocabulary (entity colours)");
  cmd->footer(command_footer(
      "the relation report, or with --entity one entity's profile, as Markdown on stdout; no file.",
      "kgraph report out --entity Doe",
      "Exit codes: 0 report printed, 1 some extraction lines unreadable or no such entity (E501, with\n"
      "the closest names) or a surname shared by several (E502, listed), 2 usage error."));
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_report(*options); }); });
}

}  // namespace kgraph::cli
