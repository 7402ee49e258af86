// kgraph merge --mpi: the reduce partitioned across the ranks of mpirun/srun.
//
// What is partitioned: the relation mentions, and the summing up of the
// entities. Every rank reads every input line (the spool, the duplicate finder
// with --dedupe and the document table are the same on every rank) and keys
// every entity, but keeps only the relation mentions whose edge key (head and
// tail merge keys, relation type) hashes to its rank
// (KnowledgeGraph::use_partition). Only rank 0 sums the entities up (names,
// types, aliases, document lists: it writes them); the other ranks keep each
// entity's merge key only and, once rank 0 has finished its graph, take the
// nodes' names and order from it in one broadcast
// (KnowledgeGraph::use_node_order). So the nodes' names and indices and the
// sources are the same on every rank, an edge lives on exactly one rank, and
// that rank sums it up from all its mentions.
//
// Why every rank reads every line rather than an all-to-all exchange of
// mentions: an edge's key is known only once both entities are keyed, which
// needs the name tables and the document's entity list, and the line formats
// need the document table and the node slugs on every rank anyway. Reading is
// a small part of the reduce; the mentions, their evidence sentences and their
// sort are what the partition divides.
//
// What each rank writes: graph.part-R.nq and graph.part-R.nt (the relations
// and assertions of its edges; rank 0 adds the dataset, every entity and every
// article's own statements) and relationships.part-R.csv (its edges' rows,
// no header). Rank 0 then gathers every rank's edge summaries (counts, dates,
// modalities, supporting documents, first evidence: graph/edge_summary.hpp),
// computes the analytics over the whole graph, and writes the single files:
// extractions.jsonl, graph.graphml, graph.gexf, nodes.csv and
// relationships.header.csv. Turtle, TriG and the reports list every mention in
// one file and are refused here (README: the rank writing them would hold
// every mention, as one process does).
//
// All or nothing: every rank writes under temporary names; only once every
// rank has written all its files does each put them in place. A rank that
// fails ends the job (MPI_Abort, non-zero exit) with no output replaced.
#include <chrono>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "cli/extraction_spool.hpp"
#include "cli/interrupt.hpp"
#include "cli/merge_support.hpp"
#include "cli/mpi_support.hpp"
#include "cli/run_support.hpp"
#include "export/atomic_file.hpp"
#include "export/graph_outputs.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "export/rdf_writer.hpp"
#include "extract/profile/stage_profile.hpp"
#include "graph/edge_summary.hpp"
#include "graph/free_memory.hpp"
#include "graph/knowledge_graph.hpp"
#include "graph/memory_size.hpp"

namespace kgraph::cli {
namespace {

// This process's peak resident set (VmHWM) in KiB; 0 when /proc is not there.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

// The formats --mpi writes; throws std::invalid_argument for one it cannot.
std::set<std::string> mpi_formats(const MergeOptions& o) {
  const std::set<std::string> formats = exports::parse_formats(o.formats_given ? o.formats : kMpiFormats);
  for (const char* one_file : {"ttl", "trig", "md", "html"})
    if (formats.count(one_file))
      throw std::invalid_argument(std::string("--mpi does not write '") + one_file +
                                  "': it lists every relation mention in one file (--mpi writes " + kMpiFormats + ")");
  return formats;
}

// Every rank's edge summaries, on rank 0, in edge order; empty elsewhere.
std::vector<graph::EdgeSummary> gather_summaries(mpi::Session& session, const graph::KnowledgeGraph& g) {
  std::string mine;
  for (const graph::EdgeSummary& e : g.edge_summaries()) graph::append_summary(mine, e);
  std::vector<std::string> parts = session.gather_bytes(std::move(mine));
  std::vector<graph::EdgeSummary> all;
  for (std::string& part : parts) {
    std::string_view in = part;
    while (!in.empty()) all.push_back(graph::read_summary(in));
    std::string().swap(part);
  }
  std::sort(all.begin(), all.end(), graph::summary_before);  // an edge is on one rank: no ties
  return all;
}

// Part files of an earlier run on more ranks than this one would be read as
// part of this graph: rank 0 removes those numbered `ranks` or more, once every
// rank's parts are in place. Other files are never touched.
void remove_parts_beyond(const std::filesystem::path& dir, int ranks) {
  static const std::regex kPart(R"((graph\.part-|relationships\.part-)([0-9]+)\.(nq|nt|csv))");
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::smatch m;
    if (!std::regex_match(name, m, kPart) || !entry.is_regular_file(ec)) continue;
    if (m[2].length() < 9 && std::stoi(m[2].str()) < ranks) continue;
    std::filesystem::remove(entry.path(), ec);
  }
}

// A NodeOrder (graph/knowledge_graph.hpp) as bytes, for rank 0 to send to the
// others: the vertex count, each vertex's node, then each name with its length
// (host byte order: the same binary on every rank), after the digest of the keys.
std::string encode_node_order(const graph::NodeOrder& order) {
  std::string out;
  auto put = [&out](std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(order.keys_digest);
  put(order.node_of_vertex.size());
  out.append(reinterpret_cast<const char*>(order.node_of_vertex.data()), order.node_of_vertex.size() * sizeof(std::uint32_t));
  put(order.names.size());
  for (const std::string& name : order.names) {
    put(name.size());
    out += name;
  }
  return out;
}

graph::NodeOrder decode_node_order(const std::string& bytes) {
  std::size_t at = 0;
  auto take = [&](void* to, std::size_t n) {
    if (bytes.size() - at < n) throw std::runtime_error("node order: message ends inside a record");
    std::memcpy(to, bytes.data() + at, n);
    at += n;
  };
  auto get = [&] {
    std::uint64_t v = 0;
    take(&v, sizeof v);
    return v;
  };
  graph::NodeOrder order;
  order.keys_digest = get();
  order.node_of_vertex.resize(get());
  take(order.node_of_vertex.data(), order.node_of_vertex.size() * sizeof(std::uint32_t));
  order.names.resize(get());
  for (std::string& name : order.names) {
    const std::uint64_t n = get();
    if (bytes.size() - at < n) throw std::runtime_error("node order: message ends inside a name");
    name.assign(bytes, at, n);
    at += n;
  }
  return order;
}

struct RankFigures {
  std::size_t edges = 0, mentions = 0;
};

// This rank's share of the line formats (see the top of the file).
void write_part(const graph::KnowledgeGraph& g, const std::filesystem::path& dir, int rank,
                const std::set<std::string>& formats, const exports::ExportOptions& eo) {
  const std::string r = std::to_string(rank);
  const bool graph_wide = rank == 0;
  if (formats.count("nq") || formats.count("nt")) {
    const exports::RdfShared shared(g, eo);
    if (formats.count("nq"))
      exports::write_atomically(dir / ("graph.part-" + r + ".nq"), [&](std::ostream& out) {
        exports::write_rdf_part(g, out, exports::RdfSyntax::NQuads, eo, shared, graph_wide);
      });
    if (formats.count("nt"))
      exports::write_atomically(dir / ("graph.part-" + r + ".nt"), [&](std::ostream& out) {
        exports::write_rdf_part(g, out, exports::RdfSyntax::NTriples, eo, shared, graph_wide);
      });
  }
  if (formats.count("csv")) exports::write_neo4j_relationship_rows(g, dir / ("relationships.part-" + r + ".csv"));
}

// Everything up to the files written under temporary names; returns the exit code.
int merge_on_rank(const MergeOptions& o, mpi::Session& session, Messages& messages, RankFigures& figures) {
  const int rank = session.rank();
  const std::set<std::string> formats = mpi_formats(o);
  const std::filesystem::path dir = o.out_dir;
  graph::KnowledgeGraph g(dir);  // its evidence file next to the outputs
  if (!o.memory.empty()) g.use_memory_budget(graph::parse_memory_size(o.memory));
  use_name_tables(g, find_ontology_dir(o.ontology));
  g.use_partition(static_cast<unsigned>(rank), static_cast<unsigned>(session.size()));
  // Rank 0 sums the entities up (it writes them); the others take the nodes'
  // names and order from it once it has (see the top of the file).
  if (rank != 0) g.use_node_order([&session] { return decode_node_order(session.broadcast_bytes({})); });
  std::optional<ExtractionSpool> held_spool(std::in_place, dir);
  ExtractionSpool& spool = *held_spool;
  // The duplicate finder changes what is merged only with --dedupe; without
  // it, it only warns, which rank 0 does for all, so the other ranks spare
  // its signatures and tables (about 0.8 KB per distinct text).
  std::optional<ShardDuplicates> duplicates;
  if (rank == 0 || o.dedupe) duplicates.emplace(o, spool, messages, dir);
  read_extraction_files({o.files.begin(), o.files.end()}, messages, [&](Extraction&& x) {
    throw_if_interrupted();
    if (duplicates) duplicates->note(x, spool.size());
    spool.add(x.meta.id, to_json_line(x));
  });
  // Every rank read the same lines: they all stop here, or none does.
  if (spool.size() == 0) return refuse_run_without_input(o.files, dir.string() + " is as it was", messages);
  if (duplicates) duplicates->find();
  graph::return_free_memory();
  ReplayEdit edit;
  if (duplicates) edit = std::ref(*duplicates);
  std::size_t documents = 0;
  if (rank == 0) {
    exports::write_atomically(dir / "extractions.jsonl",
                              [&](std::ostream& out) { documents = write_and_add(spool, g, out, edit); });
  } else {
    std::ostream nowhere(nullptr);  // rank 0 writes the lines
    documents = write_and_add(spool, g, nowhere, edit);
  }
  held_spool.reset();
  graph::return_free_memory();
  g.finalize();
  if (rank == 0 && session.size() > 1) session.broadcast_bytes(encode_node_order(g.take_node_order()));
  graph::return_free_memory();
  figures.edges = g.edges().size();
  for (const graph::Edge& e : g.edges()) figures.mentions += e.support.size();

  exports::ExportOptions eo;
  eo.base_iri = o.base_iri;
  eo.graphml_strict = o.graphml_strict;
  eo.graphml_mixed = o.graphml_mixed;
  eo.generated_at = generated_at_from_environment();
  eo.ontology_dir = find_ontology_dir(o.ontology);
  std::vector<graph::EdgeSummary> all = gather_summaries(session, g);
  if (rank == 0) g.analyse(all);  // rank 0's part holds the entities, with the whole graph's analytics
  write_part(g, dir, rank, formats, eo);
  if (rank != 0) return messages.errors() > 0 ? 1 : 0;

  const std::size_t edges = all.size();
  g.adopt_summaries(std::move(all));  // from here on g is the whole graph, one mention per source and edge
  graph::return_free_memory();
  std::set<std::string> single;
  for (const char* f : {"graphml", "gexf"})
    if (formats.count(f)) single.insert(f);
  if (!single.empty()) exports::write_graph_outputs(g, dir, single, eo, o.threads);
  if (formats.count("csv")) {
    exports::write_neo4j_nodes(g, dir / "nodes.csv");
    exports::write_neo4j_relationship_header(dir / "relationships.header.csv");
  }
  const std::string copies =
      duplicates->found() > 0 ? " (" + count_of(duplicates->found(), "duplicate", "duplicates") + ")" : "";
  messages.info("kgraph: merged " + count_of(documents, "document", "documents") + copies + " into " +
                count_of(g.nodes().size(), "entity", "entities") + " and " +
                count_of(edges, "relation", "relations") + " on " +
                count_of(static_cast<std::size_t>(session.size()), "rank", "ranks") + " -> " + dir.string());
  return messages.errors() > 0 ? 1 : 0;
}

}  // namespace

int run_merge_mpi(const MergeOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  mpi::Session session;
  const int rank = session.rank();
  Messages messages(o.quiet);
  if (rank != 0) messages.mute();  // every rank reads the same inputs: rank 0 speaks for all
  // Usage errors, the same on every rank: each ends with exit 2 before the
  // output folder is touched; rank 0 says why.
  try {
    mpi_formats(o);
    if (!o.memory.empty()) graph::parse_memory_size(o.memory);
  } catch (const std::exception& e) {
    if (rank == 0) std::cerr << "kgraph: error: " << e.what() << "\n";
    return 2;
  }
  install_interrupt_handlers();
  int code = 0;
  RankFigures figures;
  {
    // Only rank 0 takes the folder (created, locked, stale temporaries of
    // killed runs removed) and only then do the others start writing.
    std::optional<OutputFolder> folder;
    try {
      if (rank == 0) folder.emplace(o.out_dir, messages);
    } catch (const std::exception& e) {
      std::cerr << "kgraph: error: " << e.what() << "\n";
      session.abort(2);
    }
    session.barrier();
    std::optional<exports::OutputBatch> batch(std::in_place);
    try {
      code = merge_on_rank(o, session, messages, figures);
    } catch (const std::exception& e) {
      std::cerr << "kgraph: error: rank " << rank << ": " << e.what() << "\n";
      batch.reset();  // this rank's temporaries removed before the job ends
      session.abort(2);
    }
    // A rank that refused to run (no input) wrote nothing: none commits.
    if (session.all_true(code != 2)) {
      try {
        batch->commit(throw_if_interrupted);
      } catch (const std::exception& e) {
        std::cerr << "kgraph: error: rank " << rank << ": " << e.what() << "\n";
        session.abort(2);
      }
    }
    session.barrier();  // every part in place before rank 0 lets the folder go
    if (rank == 0 && code != 2) remove_parts_beyond(o.out_dir, session.size());
  }
  if (o.stats) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char line[200];
    std::snprintf(line, sizeof line, "kgraph: rank %d of %d: %zu edges, %zu mentions, peak RSS %.1f MiB, %.2f s wall",
                  rank, session.size(), figures.edges, figures.mentions, static_cast<double>(peak_rss_kib()) / 1024.0,
                  seconds);
    const std::vector<std::string> lines = session.gather_bytes(line);
    for (const std::string& l : lines) std::cerr << l << "\n";  // rank order, on rank 0
  }
  return code;
}

}  // namespace kgraph::cli
