// kgraph report: read extraction files (or a build folder) and print the
// relation report, or one entity's profile, as Markdown on stdout.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
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

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

// The node whose canonical name or one of whose aliases equals `name`, ignoring case.
int find_entity(const graph::KnowledgeGraph& g, const std::string& name) {
  if (int exact = g.find(name); exact >= 0) return exact;
  const std::string key = lower(name);
  for (std::size_t i = 0; i < g.nodes().size(); ++i) {
    if (lower(g.nodes()[i].name) == key) return static_cast<int>(i);
    for (const std::string& a : g.nodes()[i].aliases)
      if (lower(a) == key) return static_cast<int>(i);
  }
  return -1;
}

int run_report(const ReportOptions& o) {
  Messages messages(true);
  graph::KnowledgeGraph g;
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
    int node = find_entity(g, o.entity);
    if (node < 0) {
      std::cerr << "kgraph: error: [E501] no entity named '" << o.entity << "' in the extractions\n";
      return 1;
    }
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
  cmd->add_option("--entity", options->entity, "Print only this entity's profile (canonical name or alias)");
  cmd->add_option("--ontology", options->ontology, "Folder with the vocabulary (entity colours)");
  cmd->footer("Example: kgraph report out --entity \"NATO\"");
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_report(*options); }); });
}

}  // namespace kgraph::cli
