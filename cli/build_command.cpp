// kgraph build: the whole job. Inputs -> extractions -> one knowledge graph ->
// every output format in one folder, plus a summary on stderr.
#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/extraction_spool.hpp"
#include "cli/extraction_state.hpp"
#include "cli/mpi_support.hpp"
#include "cli/run_support.hpp"
#include "extract/profile/stage_profile.hpp"
#include "export/atomic_file.hpp"
#include "export/graph_outputs.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/memory_size.hpp"
#include "ontology/extraction_json.hpp"
#include "ontology/tsv_table.hpp"

namespace kgraph::cli {
namespace {

struct BuildOptions {
  InputFlags input;
  std::string out_dir;
  std::string formats = "graphml,gexf,ttl,nt,nq,trig,md,html,csv";
  std::string base_iri = "https://kgraph.example.org/";
  bool graphml_strict = false;
  bool graphml_mixed = false;
  std::string state_dir;  // --state: reuse extractions of documents seen before
  bool mpi = false;       // --mpi: documents split across the ranks of mpirun
  std::string memory;     // --memory SIZE: relation mentions sorted out of core
};

// `total_seconds`: the whole run; stats.seconds: reading and extracting only.
// The per-type lines are left out when there is nothing to list.
std::string summary(const graph::KnowledgeGraph& g, const ExtractionStats& stats, double total_seconds) {
  std::map<std::string, int> by_type, by_relation;
  for (std::size_t i = 0; i < g.nodes().size(); ++i) ++by_type[std::string(to_string(g.nodes().type(i)))];
  for (const graph::Edge& e : g.edges()) ++by_relation[std::string(to_string(e.type))];
  std::ostringstream s;
  s << "kgraph: " << count_of(stats.documents, "document", "documents");
  if (stats.failed) s << " (" << count_of(stats.failed, "input", "inputs") << " failed)";
  s << ", " << count_of(g.nodes().size(), "entity", "entities") << ", "
    << count_of(g.edges().size(), "relation", "relations") << " in " << std::fixed << std::setprecision(2)
    << total_seconds << " s (reading and extraction " << stats.seconds << " s, graph and outputs "
    << std::max(0.0, total_seconds - stats.seconds) << " s)";
  for (const auto& [label, counts] : {std::pair{"entities", &by_type}, {"relations", &by_relation}}) {
    if (counts->empty()) continue;
    s << "\n  " << label << ": ";
    bool first = true;
    for (const auto& [t, n] : *counts) s << (first ? "" : ", ") << t << " " << n, first = false;
  }
  return s.str();
}

int run_build(const BuildOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  Messages messages(o.input.quiet);
  const std::set<std::string> formats = exports::parse_formats(o.formats);
  const auto ontology = find_ontology_dir(o.input.ontology);
  extract::ExtractorOptions xo;
  xo.use_tagger = !o.input.no_tagger;
  xo.max_html_depth = o.input.max_html_depth;
  xo.max_mentions = o.input.max_mentions;
  // Loading the models takes a noticeable moment: Ctrl-C then already stops the run cleanly
  // (installed again below, after MPI has set up its own signal handling).
  install_interrupt_handlers();
  extract::Extractor extractor(ontology, xo);

  const std::filesystem::path dir = o.out_dir;
  std::unique_ptr<mpi::Session> session;
  RunHooks hooks;
  if (o.mpi) {
    if (!o.state_dir.empty()) throw std::runtime_error("--state and --mpi cannot be combined yet");
    session = std::make_unique<mpi::Session>();
    const std::size_t ranks = static_cast<std::size_t>(session->size()), rank = static_cast<std::size_t>(session->rank());
    hooks.take = [ranks, rank](std::size_t index) { return index % ranks == rank; };  // round robin in input order
  }
  // Only the process that writes the outputs (rank 0 under --mpi) touches the folder.
  const bool writer = !session || session->rank() == 0;
  install_interrupt_handlers();
  // The folder is locked for the whole run (a second build into it waits),
  // and temporaries left by killed runs go first.
  std::optional<OutputFolder> folder;
  if (writer) folder.emplace(dir, messages);
  // Every output is written to its temporary first and put in place only at
  // the end, all together, so an interrupted or failed run replaces nothing.
  exports::OutputBatch batch;
  graph::KnowledgeGraph g(writer ? dir : std::filesystem::path());  // its evidence file next to the outputs
  if (!o.memory.empty()) g.use_memory_budget(graph::parse_memory_size(o.memory));
  use_name_tables(g, ontology);
  ExtractionStats stats;
  // Extractions go to a spool as they come; extractions.jsonl and the graph
  // then take them in its canonical order (cli/extraction_spool.hpp), so -j N,
  // shards + merge and mpirun -np N all give the same bytes.
  std::optional<ExtractionSpool> spool;
  if (writer) spool.emplace(dir);
  std::unique_ptr<ExtractionState> state;
  if (!o.state_dir.empty()) state = std::make_unique<ExtractionState>(o.state_dir, ontology, xo);
  hooks.state = state.get();
  std::vector<std::pair<std::string, std::string>> share;  // --mpi, ranks > 0: their (id, line) for rank 0
  stats = run_extraction(o.input, extractor, messages, [&](const std::string& id, std::string&& line) {
    throw_if_interrupted();  // between documents
    if (writer)
      spool->add(id, line);
    else
      share.emplace_back(id, std::move(line));
  }, hooks);
  if (state)
    messages.info("kgraph: reused " + std::to_string(stats.reused) + " of " +
                  count_of(stats.documents, "extraction", "extractions") + " from " + state->path().string() +
                  ", extracted " + std::to_string(stats.documents - stats.reused));
  if (state && state->rejected())  // cli/extraction_state.hpp: an entry edited by hand or damaged
    messages.report(make_warning("W150", state->path().string(),
                                 count_of(state->rejected(), "stored line failed its", "stored lines failed their") +
                                     " checksum; extracted again"));
  if (session) {
    std::vector<std::size_t> totals = session->gather(std::move(share), {stats.documents, stats.failed, stats.bytes},
                                                      [&](const std::string& id, const std::string& line) { spool->add(id, line); });
    if (!writer) return stats.failed > 0 ? 1 : 0;  // rank 0 writes every output
    stats.documents = totals[0];
    stats.failed = totals[1];
    stats.bytes = totals[2];
  }
  if (stats.documents == 0) return refuse_run_without_input(input_names(o.input), dir.string() + " is as it was", messages);
  exports::write_atomically(dir / "extractions.jsonl", [&](std::ostream& out) { write_and_add(*spool, g, out); });
  throw_if_interrupted();

  exports::ExportOptions eo;
  eo.base_iri = o.base_iri;
  eo.graphml_strict = o.graphml_strict;
  eo.graphml_mixed = o.graphml_mixed;
  eo.generated_at = generated_at_from_environment();
  eo.ontology_dir = ontology;
  const std::vector<std::filesystem::path> written = finish_graph(g, dir, formats, eo, o.input.threads, messages);
  batch.commit(throw_if_interrupted);
  messages.info(summary(g, stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
  std::string files = "  files: " + (dir / "extractions.jsonl").string();
  for (const auto& p : written) files += " " + p.filename().string();
  messages.info(files);
  return stats.failed > 0 ? 1 : 0;
}

}  // namespace

void add_build_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<BuildOptions>();
  CLI::App* cmd = app.add_subcommand("build", "Build the knowledge graph of the inputs and write every output into a folder");
  add_input_flags(cmd, options->input, true);
  cmd->add_option("-o,--output", options->out_dir, "Output folder (created if missing)")->required();
  cmd->add_option("--formats", options->formats, "Comma-separated outputs: graphml,gexf,ttl,nt,nq,trig,md,html,csv")
      ->capture_default_str();
  cmd->add_option("--base-iri", options->base_iri, "Base IRI for entities, articles and assertions in RDF")
      ->capture_default_str();
  cmd->add_flag("--graphml-strict", options->graphml_strict,
                "Leave out Gephi's edge-type attribute so the GraphML validates against the XSD");
  cmd->add_flag("--graphml-mixed", options->graphml_mixed,
                "Mark met_with/spoke_with edges directed=\"false\" (Gephi reads this; networkx refuses mixed graphs)");
  cmd->add_option("--state", options->state_dir,
                  "Keep extractions in DIR by content hash; a re-run extracts only new or changed documents");
  add_memory_option(cmd, options->memory);
  cmd->add_flag("--mpi", options->mpi,
                "Under mpirun/srun: split the documents across the ranks; rank 0 writes the outputs");
  cmd->footer(command_footer(
      "DIR/extractions.jsonl, graph.graphml (Gephi), graph.gexf, graph.ttl, graph.nt, graph.nq, graph.trig\n"
      "(SPARQL stores), report.md, report.html, nodes.csv + relationships.csv (neo4j-admin import),\n"
      "all put in place together at the end; a second run into DIR waits for the first (DIR/.kgraph.lock).",
      "kgraph build examples/nato-russia -o out"));
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_build(*options); }); });
}

}  // namespace kgraph::cli
