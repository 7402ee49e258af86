// Builds a random knowledge graph through KnowledgeGraph::add (fixed seed),
// finalizes it and writes GraphML, GEXF and Neo4j CSV, printing the wall time
// and peak resident memory of each phase.
//   bench_export [NODES [EDGES [OUTDIR]]]     defaults: 100000 500000 /tmp/kgraph-bench
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include "export/atomic_file.hpp"
#include "export/gexf_writer.hpp"
#include "export/graphml_writer.hpp"
#include "export/neo4j_csv_writer.hpp"
#include "graph/knowledge_graph.hpp"

namespace {

// Linux keeps the peak RSS (VmHWM) per process; writing 5 to clear_refs
// resets it, so each phase gets its own peak.
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

long peak_kib() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

void phase(const char* name, const std::function<void()>& work) {
  reset_peak();
  auto start = std::chrono::steady_clock::now();
  work();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%-10s %8.2f s   peak RSS %7.1f MiB\n", name, seconds, static_cast<double>(peak_kib()) / 1024.0);
  std::fflush(stdout);
}

std::string name_of(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "Entity %06d", i);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kgraph;
  const int nodes = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int edges = argc > 2 ? std::atoi(argv[2]) : 500000;
  const std::filesystem::path out = argc > 3 ? argv[3] : "/tmp/kgraph-bench";
  std::filesystem::create_directories(out);
  constexpr int kRelationsPerDoc = 10;

  graph::KnowledgeGraph g;
  phase("add", [&] {
    std::mt19937_64 rng(42);
    int next_node = 0;  // the first documents introduce every node once, so all of them exist
    const int docs = (edges + kRelationsPerDoc - 1) / kRelationsPerDoc;
    for (int d = 0; d < docs; ++d) {
      Extraction x;
      x.meta.id = "doc" + std::to_string(d);
      x.meta.date = "2024-" + std::to_string(10 + d % 3) + "-" + std::to_string(10 + d % 19);
      x.meta.source = "outlet" + std::to_string(d % 50);
      for (int r = 0; r < kRelationsPerDoc && d * kRelationsPerDoc + r < edges; ++r) {
        int a = next_node < nodes ? next_node++ : static_cast<int>(rng() % static_cast<unsigned>(nodes));
        int b = static_cast<int>(rng() % static_cast<unsigned>(nodes));
        if (a == b) b = (b + 1) % nodes;
        for (int v : {a, b}) {
          Entity e;
          e.id = "e" + std::to_string(x.entities.size() + 1);
          e.name = name_of(v);
          e.type = static_cast<EntityType>(v % kEntityTypeCount);
          e.mentions.push_back(Mention{Span{0, 13}, e.name});
          x.entities.push_back(std::move(e));
        }
        Relation rel;
        rel.type = static_cast<RelationType>(rng() % kRelationTypeCount);
        rel.head = static_cast<int>(x.entities.size()) - 2;
        rel.tail = static_cast<int>(x.entities.size()) - 1;
        rel.modality = static_cast<Modality>(rng() % kModalityCount);
        rel.confidence = 0.8;
        rel.evidence.span = Span{static_cast<std::uint32_t>(r * 40), static_cast<std::uint32_t>(r * 40 + 30)};
        rel.evidence.text = "A sentence that supports it.";
        rel.evidence.rule = "bench";
        x.relations.push_back(std::move(rel));
      }
      g.add(x);
    }
  });
  phase("finalize", [&] { g.finalize(); });
  std::printf("graph: %zu nodes, %zu edges, %zu documents\n", g.nodes().size(), g.edges().size(), g.sources().size());

  exports::ExportOptions opts;
  opts.ontology_dir = KGRAPH_ONTOLOGY;
  phase("graphml", [&] {
    exports::write_atomically(out / "graph.graphml", [&](std::ostream& o) { exports::write_graphml(g, o, opts); });
  });
  phase("gexf", [&] {
    exports::write_atomically(out / "graph.gexf", [&](std::ostream& o) { exports::write_gexf(g, o, opts); });
  });
  phase("neo4j-csv", [&] { exports::write_neo4j_csv(g, out / "neo4j", opts); });
  return 0;
}
