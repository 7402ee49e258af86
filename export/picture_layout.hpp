// Node positions for the picture of a large graph, computed here rather than
// by a Graphviz layout engine, so the same graph gets the same picture in
// every run (see picture_layout.cpp for why sfdp could not promise that).
#pragma once

#include <string>

namespace kgraph::exports {

// `dot` (as graph_dot writes it: one node per line `  nI [label="...", ...`,
// one edge per line `  nI -> nJ [...`) with a fixed position `pos="x,y!"`
// in points added to every node, for `neato -n2` to draw as it is. The
// layout is a Fruchterman-Reingold force layout from seeded initial
// positions, then boxes pushed apart until no two labels overlap.
std::string with_fixed_positions(const std::string& dot);

}  // namespace kgraph::exports
