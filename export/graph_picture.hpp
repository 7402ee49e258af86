// A picture of the knowledge graph for the HTML report: the graph as DOT,
// laid out and drawn to SVG by Graphviz run as a child process. Graphviz is
// an optional runtime tool, so its absence is a value, not an error.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// "#rrggbb" fill colour per EntityType.
using TypeColours = std::array<std::string, kEntityTypeCount>;

struct DotGraph {
  std::string dot;
  int nodes_drawn = 0;    // at most max_nodes
  int nodes_left_out = 0; // the lowest-PageRank nodes beyond max_nodes
};

// Nodes are filled by type; relations asserted or reported are solid arrows
// (no arrowhead for symmetric types), planned/hypothetical ones dashed and
// negated ones dotted, labelled with their modality, so nothing that did not
// happen looks like a fact. Labels are one line of valid UTF-8, quoted and
// escaped so that no name can end the string or form a Graphviz escape.
DotGraph graph_dot(const graph::KnowledgeGraph& graph, const TypeColours& colours, std::size_t max_nodes = 150);

struct Picture {
  std::string svg;      // the <svg> element alone (no XML prolog or doctype), or ""
  std::string problem;  // why there is no picture, or ""
};

// Runs `dot` (or `sfdp` for large graphs) from PATH with -Tsvg on `dot_text`.
Picture render_svg(const DotGraph& graph);

}  // namespace kgraph::exports
