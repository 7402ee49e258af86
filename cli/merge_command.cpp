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

struct MergeOptions {
  std::vector<std::string> files;
  std::string out_dir;
  std::string formats = "graphml,gexf,ttl,nt,nq,trig,md,html,csv";
  std::string base_iri = "https://kgraph.example.org/";
  std::string ontology;
  bool graphml_strict = false;
  bool graphml_mixed = false;
  int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 256u));  // one per core
  bool quiet = false;
  bool dedupe = false;
  double dedupe_threshold = 0.8;
  std::string memory;  // --memory SIZE: relation mentions sorted out of core
};

// The duplicate finder over the replayed extractions (see the top of the file).
class ShardDuplicates {
 public:
  ShardDuplicates(const MergeOptions& o, ExtractionSpool& spool, Messages& messages)
      : options_(o), spool_(spool), messages_(messages), finder_(std::in_place, o.dedupe_threshold) {}

  void operator()(Extraction& x, std::string& line, std::size_t entry) {
    if (!x.signature || !x.duplicate_of.empty()) return;
    entry_of_.push_back(entry);  // finder ordinals count calls to add()
    const std::optional<extract::dedupe::DuplicateFinder::Match> m = finder_->add(*x.signature);
    if (!m) return;
    ++found_;
    const std::size_t first_entry = entry_of_.at(m->original);
    const std::string& first_id = spool_.id(first_entry);
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.2f", m->similarity);
    messages_.report(make_warning(
        "W140", x.meta.id,
        "doc " + x.meta.id + " is " + (m->exact ? "an exact " : "a near-") + "duplicate of doc " + first_id +
            " (similarity " + sim + ")" +
            (options_.dedupe ? "; its findings replaced by the first copy's, its outlet counted as a source of them"
                             : "")));
    if (!options_.dedupe) return;
    Diagnostic error;
    std::optional<Extraction> first = parse_json_line(spool_.line(first_entry), error);
    if (!first) throw std::runtime_error("extraction spool: " + error.format());
    first->meta = std::move(x.meta);
    first->duplicate_of = first_id;
    first->signature = x.signature;
    x = std::move(*first);
    line = to_json_line(x);
  }
  std::size_t found() const { return found_; }
  // Once every line is replayed: the signatures and their tables are not needed
  // while the graph is finalized and written, the largest part of the run.
  void forget() {
    finder_.reset();
    std::vector<std::size_t>().swap(entry_of_);
  }

 private:
  const MergeOptions& options_;
  ExtractionSpool& spool_;
  Messages& messages_;
  std::optional<extract::dedupe::DuplicateFinder> finder_;
  std::vector<std::size_t> entry_of_;  // finder ordinal -> spool entry
  std::size_t found_ = 0;
};

int run_merge(const MergeOptions& o) {
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
  {
    extract::profile::StageTimer timer(extract::profile::Stage::Read);
    read_extraction_files({o.files.begin(), o.files.end()}, messages, [&](Extraction&& x) {
      throw_if_interrupted();
      spool.add(x.meta.id, to_json_line(x));
    });
  }
  ShardDuplicates duplicates(o, spool, messages);
  if (spool.size() == 0) return refuse_run_without_input(o.files, dir.string() + " is as it was", messages);
  exports::write_atomically(dir / "extractions.jsonl",
                            [&](std::ostream& out) { documents = write_and_add(spool, g, out, std::ref(duplicates)); });
  duplicates.forget();  // nothing reads the spool or the signatures from here on
  held_spool.reset();
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
  cmd->add_option("--formats", options->formats, "Comma-separated outputs")->capture_default_str();
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
  cmd->footer(command_footer(
      "DIR/extractions.jsonl (in canonical order) and every graph format, as 'kgraph build' does,\n"
      "all put in place together at the end; a second run into DIR waits for the first (DIR/.kgraph.lock).",
      "kgraph merge shard-a.jsonl shard-b.jsonl -o out"));
  cmd->callback([options, &result] { result.exit_code = run_guarded([&] { return run_merge(*options); }); });
}

}  // namespace kgraph::cli
