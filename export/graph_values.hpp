// Small derived values the graph writers share, so GraphML, GEXF and CSV agree.
#pragma once

#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// "n12", "e3": the element ids every graph file uses for node/edge index i.
std::string element_id(char prefix, std::size_t index);

// Node sizes from PageRank, scaled linearly onto [10, 50] (all 30 when every
// node has the same rank).
std::vector<double> node_sizes(const graph::KnowledgeGraph& g);

// Aliases joined with `separator`, in their (sorted) order.
std::string join(const std::vector<std::string>& parts, const std::string& separator);

// The sentence of the first supporting mention, or "" if there is none.
std::string first_evidence(const graph::Edge& e);

// Distinct non-empty dates (first 10 characters of meta.date) of the given
// sources, ascending.
std::vector<std::string> distinct_dates(const graph::KnowledgeGraph& g, const std::vector<int>& sources);

// The name of an edge's mention count for one modality in the graph files
// (GraphML key, GEXF column, Neo4j CSV column): "mentions_asserted", ...
const char* modality_mentions_name(Modality m);

// An edge's non-zero mention counts in kModalityStrength order, as the reports
// print them: "3 asserted, 1 planned".
std::string modality_mentions_text(const graph::Edge& e);

// The sources supporting an edge, each once, ascending.
std::vector<int> edge_sources(const graph::Edge& e);

}  // namespace kgraph::exports
