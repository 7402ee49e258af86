#include "graph/layout.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

namespace kgraph::graph {
namespace {

using Local = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Topology = boost::square_topology<boost::minstd_rand>;

// Fruchterman-Reingold's repulsion is close to quadratic in a component that
// contracts into a ball (dense, random-looking graphs do), so it runs only
// while its worst case -- size^2 * iterations summed over components, in
// component order -- stays within this budget (a few seconds); components
// after that, larger ones, and every component of a graph above
// kForceLayoutMaxNodes are drawn as circles. The decision depends on sizes
// only, so it is as deterministic as the rest.
constexpr int kForceLayoutMaxNodes = 20000;
constexpr std::size_t kForceLayoutMaxComponent = 1000;
constexpr double kForceBudget = 6e7;
constexpr unsigned kSeed = 20240601;  // any fixed value; fixed is what matters
constexpr double kSpacing = 30.0;     // rough distance between neighbouring nodes, in output units
constexpr double kGap = 2 * kSpacing; // between packed components

struct Component {
  int id = 0;
  std::vector<int> members;                    // global node indices, ascending
  std::vector<std::pair<int, int>> links;      // local indices
  std::vector<Point> local;                    // centred on (0, 0)
  double radius = kSpacing / 2;
};

int force_iterations(std::size_t size) { return size <= 300 ? 100 : 50; }

void force_layout(Component& c) {
  const std::size_t k = c.members.size();
  Local g(k);
  for (auto [a, b] : c.links) boost::add_edge(static_cast<std::size_t>(a), static_cast<std::size_t>(b), g);
  // A fresh generator per component: one component's layout does not depend
  // on how many random numbers the others drew.
  boost::minstd_rand gen(kSeed);
  Topology space(gen, kSpacing * std::sqrt(static_cast<double>(k)));
  std::vector<Topology::point_type> pos(k);
  auto map = boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
  boost::random_graph_layout(g, map, space);
  const int iterations = force_iterations(k);
  boost::fruchterman_reingold_force_directed_layout(
      g, map, space, boost::cooling(boost::linear_cooling<double>(iterations)));
  for (std::size_t i = 0; i < k; ++i) c.local[i] = Point{pos[i][0], pos[i][1]};
}

void circle_layout(Component& c) {
  const std::size_t k = c.members.size();
  const double r = static_cast<double>(k) * kSpacing / (2 * std::numbers::pi);
  for (std::size_t i = 0; i < k; ++i) {
    double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(k);
    c.local[i] = Point{r * std::cos(angle), r * std::sin(angle)};
  }
}

void centre(Component& c) {
  double cx = 0, cy = 0;
  for (const Point& p : c.local) {
    cx += p.x;
    cy += p.y;
  }
  cx /= static_cast<double>(c.local.size());
  cy /= static_cast<double>(c.local.size());
  double r2 = 0;
  for (Point& p : c.local) {
    p.x -= cx;
    p.y -= cy;
    r2 = std::max(r2, p.x * p.x + p.y * p.y);
  }
  c.radius = std::sqrt(r2) + kSpacing / 2;
}

}  // namespace

std::vector<Point> compute_layout(int node_count, const std::vector<std::pair<int, int>>& links,
                                  const std::vector<int>& component, int component_count) {
  std::vector<Point> out(static_cast<std::size_t>(node_count));
  std::vector<Component> comps(static_cast<std::size_t>(component_count));
  std::vector<int> local_index(static_cast<std::size_t>(node_count));
  for (int v = 0; v < node_count; ++v) {
    Component& c = comps[static_cast<std::size_t>(component[v])];
    local_index[v] = static_cast<int>(c.members.size());
    c.members.push_back(v);
  }
  for (auto [a, b] : links) comps[static_cast<std::size_t>(component[a])].links.emplace_back(local_index[a], local_index[b]);

  double budget = node_count <= kForceLayoutMaxNodes ? kForceBudget : 0;
  for (int i = 0; i < component_count; ++i) {
    Component& c = comps[static_cast<std::size_t>(i)];
    c.id = i;
    c.local.resize(c.members.size());
    const std::size_t k = c.members.size();
    if (k == 1) continue;  // a lone node sits at its cell's centre
    const double cost = static_cast<double>(k) * static_cast<double>(k) * force_iterations(k);
    if (k <= kForceLayoutMaxComponent && cost <= budget) {
      budget -= cost;
      force_layout(c);
    } else {
      circle_layout(c);
    }
    centre(c);
  }

  // Shelf packing, largest component first, rows about as wide as the whole
  // picture is tall.
  std::vector<const Component*> order;
  double area = 0;
  for (const Component& c : comps) {
    order.push_back(&c);
    area += (2 * c.radius + kGap) * (2 * c.radius + kGap);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const Component* a, const Component* b) { return a->members.size() > b->members.size(); });
  const double row_width = std::sqrt(area);
  double x = 0, y = 0, row_height = 0;
  for (const Component* c : order) {
    const double d = 2 * c->radius;
    if (x > 0 && x + d > row_width) {
      y += row_height + kGap;
      x = 0;
      row_height = 0;
    }
    for (std::size_t i = 0; i < c->members.size(); ++i)
      out[static_cast<std::size_t>(c->members[i])] = Point{x + c->radius + c->local[i].x, -(y + c->radius) + c->local[i].y};
    x += d + kGap;
    row_height = std::max(row_height, d);
  }
  return out;
}

}  // namespace kgraph::graph
