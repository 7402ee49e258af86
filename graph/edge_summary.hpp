// One edge of a finished graph summed up without its mentions: what a rank of
// `kgraph merge --mpi` sends rank 0 for each edge of its partition, so that
// rank 0 can compute the graph-wide analytics and write the single-file
// formats (GraphML, GEXF, nodes.csv) without holding every mention.
//
// Node and source indices are those of the graph that made the summary. Under
// --mpi every rank holds every document and every node's name, in the same
// order (the nodes taken from rank 0: KnowledgeGraph::use_node_order), so they
// mean the same on every rank.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::graph {

struct EdgeSummary {
  int head = -1, tail = -1;
  RelationType type = RelationType::MetWith;
  Modality modality = Modality::Asserted;
  double weight = 0;
  int source_count = 0, outlet_count = 0;
  std::array<int, kModalityCount> modality_mentions{};
  std::string first_seen, last_seen;
  std::vector<int> sources;     // distinct supporting documents, ascending (indices into sources())
  std::string first_evidence;   // the evidence sentence of the edge's first mention in support order
};

// The finalize() order of edges: (head, type, tail).
bool summary_before(const EdgeSummary& a, const EdgeSummary& b);

// A flat byte encoding for sending summaries between processes of one build
// (the same binary on every rank: no versioning, host byte order).
void append_summary(std::string& out, const EdgeSummary& e);
// Reads one summary from the front of `in` and advances it; throws
// std::runtime_error when `in` ends inside a record.
EdgeSummary read_summary(std::string_view& in);

}  // namespace kgraph::graph
