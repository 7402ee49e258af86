// kgraph merge: the reduce step. Builds the graph and every output from
// extraction files (from `kgraph extract`, possibly run on shards elsewhere).
// The graph does not depend on the order of files or lines, and neither does
// extractions.jsonl: lines are re-written in canonical order (sorted by document
// id, cli/extraction_spool.hpp), as `kgraph build` writes them.
//
// Duplicates across shards: each extraction carries its text's signature, and
// the reduce runs the duplicate finder of `kgraph extract` over all inputs in
// that canonical order, so the first copy is the one with the smallest id
// whatever the order of files. A copy is reported (W140) as extract reports
// it; with --dedupe it takes the first copy's findings under its own metadata
// and "duplicate_of", the line `kgraph extract --dedupe` writes when both
// copies are in one shard. Lines that already name a duplicate_of (found in
// their shard) stay as they are; lines without a signature (older files) are
// never compared.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/extraction_spool.hpp"
#include "cli/merge_support.hpp"
#include "cli/run_support.hpp"
#include "extract/dedupe/duplicate_finder.hpp"
#include "extract/profile/stage_profile.hpp"
#include "export/atomic_file.hpp"
#include "export/graph_outputs.hpp"
#include "graph/free_memory.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/memory_size.hpp"
#include "ontology/extraction_json.hpp"

namespace kgraph::cli {
namespace {

int run_merge(const MergeOptions& o) {
  graph::share_one_heap();  // the writers' threads reuse what reading freed (graph/free_memory.hpp)
  Messages messages(o.quiet);
  const std::set<std::string> formats = exports::parse_formats(o.formats);
  const std::filesystem::path dir = o.out_dir;
  install_interrupt_handlers();
  OutputFolder folder(dir, messages);  // created, locked and cleaned as for build
  exports::OutputBatch batch;  // all outputs put in place together at the end
  graph::KnowledgeGraph g(dir);  // its evidence file next to the outputs
  if (!o.memory.empty()) g.use_memory_budget(graph::parse_memory_size(o.memory));
  use_name_tables(g, find_ontology_dir(o.ontology));
  std::size_t documents = 0;
  std::optional<ExtractionSpool> held_spool(std::in_place, dir);
  ExtractionSpool& spool = *held_spool;
  ShardDuplicates duplicates(o, spool, messages, dir);
  {
    extract::profile::StageTimer timer(extract::profile::Stage::Read);
    read_extraction_files({o.files.begin(), o.files.end()}, messages, [&](Extraction&& x) {
      throw_if_interrupted();
      duplicates.note(x, spool.size());
      spool.add(x.meta.id, to_json_line(x));
    });
  }
  if (spool.size() == 0) return refuse_run_without_input(o.files, dir.string() + " is as it was", messages);
  duplicates.find();
  graph::return_free_memory();  // the finder's pages, before the graph's accumulation takes its own
  exports::write_atomically(dir / "extractions.jsonl",
                            [&](std::ostream& out) { documents = write_and_add(spool, g, out, std::ref(duplicates)); });
  held_spool.reset();  // nothing reads the spool from here on
  graph::return_free_memory();  // their pages, below the graph's in the heap (graph/free_memory.hpp)
  exports::ExportOptions eo;
  eo.base_iri = o.base_iri;
  eo.graphml_strict = o.graphml_strict;
  eo.graphml_mixed = o.graphml_mixed;
  eo.generated_at = generated_at_from_environment();
  eo.ontology_dir = find_ontology_dir(o.ontology);
  finish_graph(g, dir, formats, eo, o.threads, messages);
  batch.commit(throw_if_interrupted);
  const std::string copies =
      duplicates.found() > 0 ? " (" + count_of(duplicates.found(), "duplicate", "duplicates") + ")" : "";
  messages.info("kgraph: merged " + count_of(documents, "document", "documents") + copies + " into " +
                count_of(g.nodes().size(), "entity", "entities") + " and " +
                count_of(g.edges().size(), "relation", "relations") + " -> " + dir.string());
  return messages.errors() > 0 ? 1 : 0;
}

}  // namespace

void add_merge_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Build the graph and all outputs from extraction files (JSON Lines)");
  cmd->add_option("extractions", options->files, "Files written by 'kgraph extract'")->required();
  cmd->add_option("-o,--output", options->out_dir, "Output folder")->required();
  CLI::Option* formats =
      cmd->add_option("--formats", options->formats, "Comma-separated outputs (with --mpi: graphml,gexf,nt,nq,csv)")
          ->capture_default_str();
  cmd->add_option("--base-iri", options->base_iri, "Base IRI for RDF")->capture_default_str();
  cmd->add_option("--ontology", options->ontology, "Folder with the vocabulary (entity colours)");
  cmd->add_flag("--graphml-strict", options->graphml_strict, "GraphML that validates against the XSD");
  cmd->add_flag("--graphml-mixed", options->graphml_mixed,
                "Mark met_with/spoke_with edges directed=\"false\" in GraphML (Gephi reads them; networkx refuses mixed graphs)");
  cmd->add_option("-j,--threads", options->threads, "Output files written side by side (default: one per core); the bytes are identical for any number")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("-q,--quiet", options->quiet, "No summary on stderr");
  cmd->add_flag("--dedupe", options->dedupe,
                "A copy of an earlier document (W140, across all inputs) takes the first copy's findings, as with 'extract --dedupe'");
  cmd->add_option("--dedupe-threshold", options->dedupe_threshold, "Similarity (shingle Jaccard) that makes a duplicate")
      ->check(CLI::Range(0.5, 1.0))
      ->capture_default_str();
  add_memory_option(cmd, options->memory);
  cmd->add_flag("--mpi", options->mpi,
                "Under mpirun/srun: relation mentions partitioned across the ranks by edge; each rank writes its "
                "part of N-Quads, N-Triples and relationships CSV, rank 0 the rest");
  cmd->add_flag("--stats", options->stats, "With --mpi: each rank's edges, mentions, peak RSS and time on stderr");
  cmd->footer(command_footer(
      "DIR/extractions.jsonl (in canonical order) and every graph format, as 'kgraph build' does,\n"
      "all put in place together at the end; a second run into DIR waits for the first (DIR/.kgraph.lock).",
      "kgraph merge shard-a.jsonl shard-b.jsonl -o out\n"
      "  mpirun -np 4 kgraph merge --mpi shard-*.jsonl -o out   (graph.part-R.nq, relationships.part-R.csv, ...)"));
  cmd->callback([options, formats, &result] {
    options->formats_given = formats->count() > 0;
    result.exit_code = run_guarded([&] { return options->mpi ? run_merge_mpi(*options) : run_merge(*options); });
  });
}

}  // namespace kgraph::cli
