#include "export/picture_layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/topology.hpp>

namespace kgraph::exports {
namespace {

// sfdp (Graphviz 2.43) does not repeat its arithmetic in the last bits: the
// same DOT gives coordinates that differ below the printed digits from run to
// run, and which way they go shifts with the size of the environment. Any
// rounding of its output still flips for a value near a rounding boundary. So
// the layout is done here, in plain double arithmetic on a fixed input order
// from a fixed seed, and only rounded integers reach Graphviz.

// Estimated size in points of a node's box: Helvetica 12 averages about 7 pt
// a character; Graphviz pads the label and never makes a box smaller than
// 54 x 36 pt. Overestimating only spreads the picture a little.
constexpr double kCharWidth = 7.0;
constexpr double kBoxPadding = 18.0;
constexpr double kBoxHeight = 36.0;
constexpr double kMinBoxWidth = 54.0;
// Free space kept between boxes, room for edges and their labels.
constexpr double kGapX = 24.0;
constexpr double kGapY = 30.0;

struct Node {
  double width = kMinBoxWidth;
  double x = 0, y = 0;
};

// A uniform value in [0, 1) from the raw output of the generator (std::
// distributions differ between standard libraries; this does not).
double unit(std::minstd_rand& gen) {
  return static_cast<double>(gen() - std::minstd_rand::min()) /
         (static_cast<double>(std::minstd_rand::max() - std::minstd_rand::min()) + 1.0);
}

// Fruchterman-Reingold from seeded random positions in a square whose area is
// a few times the boxes' area, so that the spring length suits the box size.
void force_layout(std::vector<Node>& nodes, const std::vector<std::pair<int, int>>& edges) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::rectangle_topology<>;
  Graph g(nodes.size());
  for (const auto& [a, b] : edges) {
    if (a != b) boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g);
  }
  double area = 0;
  for (const Node& n : nodes) area += (n.width + kGapX) * (kBoxHeight + kGapY);
  const double side = std::sqrt(area * 0.8);
  const Topology topology(0, 0, side, side);  // its own generator has a fixed default seed

  std::vector<Topology::point_type> position(nodes.size());
  std::minstd_rand gen(20240601);
  for (auto& p : position) {
    p[0] = unit(gen) * side;
    p[1] = unit(gen) * side;
  }
  auto position_map = boost::make_iterator_property_map(position.begin(), boost::get(boost::vertex_index, g));
  std::vector<Topology::point_difference_type> displacement(nodes.size());
  boost::fruchterman_reingold_force_directed_layout(
      g, position_map, topology, boost::square_distance_attractive_force(), boost::square_distance_repulsive_force(),
      boost::all_force_pairs(), boost::linear_cooling<double>(300, side / 10),
      boost::make_iterator_property_map(displacement.begin(), boost::get(boost::vertex_index, g)));
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].x = position[i][0];
    nodes[i].y = position[i][1];
  }
}

// Pushes overlapping boxes (with their gaps) apart along the axis where they
// overlap least, half each way, until none overlap or the passes run out.
void separate_boxes(std::vector<Node>& nodes) {
  for (int pass = 0; pass < 500; ++pass) {
    bool moved = false;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      for (std::size_t j = i + 1; j < nodes.size(); ++j) {
        Node& a = nodes[i];
        Node& b = nodes[j];
        const double dx = b.x - a.x, dy = b.y - a.y;
        const double over_x = (a.width + b.width) / 2 + kGapX - std::abs(dx);
        const double over_y = kBoxHeight + kGapY - std::abs(dy);
        if (over_x <= 0 || over_y <= 0) continue;
        moved = true;
        // Scaled by the gap so that a wide box does not always move sideways.
        if (over_x / (a.width + kGapX) < over_y / (kBoxHeight + kGapY)) {
          const double step = (dx < 0 || (dx == 0 && i > j) ? -over_x : over_x) / 2;
          a.x -= step;
          b.x += step;
        } else {
          const double step = (dy < 0 ? -over_y : over_y) / 2;
          a.y -= step;
          b.y += step;
        }
      }
    }
    if (!moved) return;
  }
}

}  // namespace

std::vector<PicturePoint> fixed_positions(const std::vector<std::size_t>& label_chars,
                                          const std::vector<std::pair<int, int>>& edges) {
  if (label_chars.empty()) return {};
  std::vector<Node> nodes(label_chars.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    nodes[i].width = std::max(kMinBoxWidth, kCharWidth * static_cast<double>(label_chars[i]) + kBoxPadding);
  }
  force_layout(nodes, edges);
  separate_boxes(nodes);

  // Whole points from the lower left corner: the only numbers Graphviz sees.
  double min_x = nodes[0].x - nodes[0].width / 2, min_y = nodes[0].y;
  for (const Node& n : nodes) {
    min_x = std::min(min_x, n.x - n.width / 2);
    min_y = std::min(min_y, n.y);
  }
  std::vector<PicturePoint> points;
  points.reserve(nodes.size());
  for (const Node& n : nodes) {
    points.push_back({std::lround(n.x - min_x + kGapX), std::lround(n.y - min_y + kBoxHeight)});
  }
  return points;
}

}  // namespace kgraph::exports
