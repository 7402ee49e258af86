// Node positions for the picture of a large graph, computed here rather than
// by a Graphviz layout engine, so the same graph gets the same picture in
// every run (see picture_layout.cpp for why sfdp could not promise that).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace kgraph::exports {

// A node's place in whole points from the lower left corner, for DOT's
// `pos="x,y!"`.
struct PicturePoint {
  long x = 0;
  long y = 0;
};

// One position per node for boxes whose labels are `label_chars` characters
// long, linked by `edges` (indices into label_chars). The layout is a
// Fruchterman-Reingold force layout from seeded initial positions, then boxes
// pushed apart until no two labels overlap; the same input always gives the
// same points.
std::vector<PicturePoint> fixed_positions(const std::vector<std::size_t>& label_chars,
                                          const std::vector<std::pair<int, int>>& edges);

}  // namespace kgraph::exports
