// Graph measures computed by KnowledgeGraph::finalize(). Internal to graph/:
// plain structs in, Boost.Graph only inside the .cpp.
#pragma once

#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::graph {

// Fills degree, weighted_degree, pagerank, betweenness, component, x and y of
// every node. Requires `edges` to index into `nodes` and both to be in
// finalize() order; the result then depends only on that order, never on
// hashing, addresses or the clock.
//
// degree / weighted_degree count every edge (so two relation types between the
// same pair count twice, as Gephi counts them). PageRank, betweenness,
// components and layout see the simple undirected graph underneath: one link
// per connected pair, weighted by the summed edge weights.
void compute_analytics(NodeTable& nodes, const std::vector<Edge>& edges);

}  // namespace kgraph::graph
