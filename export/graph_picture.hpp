// A picture of the knowledge graph for the HTML report: the graph as DOT,
// laid out and drawn to SVG by Graphviz run as a child process. Graphviz is
// an optional runtime tool, so its absence is a value, not an error.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace kgraph::exports {

// "#rrggbb" fill colour per EntityType.
using TypeColours = std::array<std::string, kEntityTypeCount>;

// How the picture draws the relations of one group of modalities. The DOT
// writer and the report's legend both read this table, so the key cannot
// drift from the drawing.
struct EdgeStyle {
  std::string_view what;       // "asserted or reported", ...
  std::string_view colour;     // stroke colour, "#rrggbb"
  std::string_view dot_style;  // Graphviz style: "solid", "dashed", "dotted"
  std::string_view dasharray;  // the stroke-dasharray Graphviz writes for it in SVG ("" for solid)
};
// Index 0: asserted and reported (facts); 1: planned and hypothetical; 2: negated.
const std::array<EdgeStyle, 3>& edge_styles();
std::size_t edge_style_of(Modality m);

// Font sizes in the picture's own units (points of the SVG viewBox). The
// report never lets the picture shrink below kMinLabelPixels / kEdgeFontSize
// pixels per unit, so the smallest label stays readable.
inline constexpr int kNodeFontSize = 12;
inline constexpr int kEdgeFontSize = 11;
inline constexpr int kMinLabelPixels = 11;

struct DotGraph {
  // The largest component's nodes first; no rankdir (render_svg chooses).
  // Above 60 nodes every node has a fixed pos="x,y!" (fixed_positions).
  std::string dot;
  int nodes_drawn = 0;     // at most max_nodes, all with at least one relation
  int nodes_left_out = 0;  // related nodes of lowest PageRank beyond max_nodes
  // Nodes without any relation: not drawn (a column of lone boxes would take
  // the picture's height from the part that says something) but listed under
  // it. Sorted by type, then name.
  std::vector<int> isolated;
  std::array<bool, kEntityTypeCount> types_drawn{};  // entity types among the drawn nodes
};

// Nodes are filled by type and grouped by connected component, largest
// first, so the biggest cluster comes first in the drawing. Relations are
// drawn as edge_styles() says (no arrowhead for symmetric types), labelled
// with their type and any modality but asserted, so nothing that did not
// happen looks like a fact. Labels are one line of valid UTF-8, quoted and
// escaped so that no name can end the string or form a Graphviz escape.
DotGraph graph_dot(const graph::KnowledgeGraph& graph, const TypeColours& colours, std::size_t max_nodes = 150);

struct Picture {
  std::string svg;      // the <svg> element alone (no XML prolog or doctype), or ""
  std::string problem;  // why there is no picture, or ""
};

// Draws `graph.dot` with Graphviz programs from PATH: for more than 60 nodes
// at the positions graph_dot gave its nodes (fixed_positions), drawn by `neato -n2`;
// otherwise each connected component by `dot`, stacked in one column
// largest first (ccomps, gvpack, neato), top to bottom, or left to right when
// that is narrower.
// The <svg> gets a min-width style of kMinLabelPixels / kEdgeFontSize pixels
// per unit of its width, so a page narrower than that scrolls the picture
// rather than shrinking its labels below kMinLabelPixels.
Picture render_svg(const DotGraph& graph);

}  // namespace kgraph::exports
