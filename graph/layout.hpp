// Deterministic 2-D positions for the nodes of a graph. Internal to graph/.
#pragma once

#include <utility>
#include <vector>

namespace kgraph::graph {

struct Point {
  double x = 0, y = 0;
};

// `links` are the simple undirected edges (a != b, each pair once), `component`
// the connected component of each of the `node_count` nodes (0..count-1).
// Each component is laid out on its own -- force-directed with a fixed seed,
// or on a circle when the graph is too large for that to be quick -- and the
// components are then packed in rows, largest first. Same input, same bytes.
std::vector<Point> compute_layout(int node_count, const std::vector<std::pair<int, int>>& links,
                                  const std::vector<int>& component, int component_count);

}  // namespace kgraph::graph
