#include "graph/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

// One connected component: its nodes are members[first, first + size) of the
// flat tables below (ascending global indices; local index = position - first),
// its links links[link_first, link_first + link_count) in local indices. Flat
// tables, not three vectors per component: a large news graph has about as many
// components as nodes (most entities stand alone), and per-component vectors
// were the largest thing analytics held (issue 16).
struct Component {
  std::size_t first = 0, size = 0;
  std::size_t link_first = 0, link_count = 0;
  double radius = kSpacing / 2;
};

using Link = std::pair<int, int>;

int force_iterations(std::size_t size) { return size <= 300 ? 100 : 50; }

// `local` holds the component's k points, `links` its links.
void force_layout(const Link* links, std::size_t link_count, Point* local, std::size_t k) {
  Local g(k);
  for (std::size_t i = 0; i < link_count; ++i)
    boost::add_edge(static_cast<std::size_t>(links[i].first), static_cast<std::size_t>(links[i].second), g);
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
  for (std::size_t i = 0; i < k; ++i) local[i] = Point{pos[i][0], pos[i][1]};
}

void circle_layout(Point* local, std::size_t k) {
  const double r = static_cast<double>(k) * kSpacing / (2 * std::numbers::pi);
  for (std::size_t i = 0; i < k; ++i) {
    double angle = 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(k);
    local[i] = Point{r * std::cos(angle), r * std::sin(angle)};
  }
}

// Moves the k points to their centroid; returns the component's radius.
double centre(Point* local, std::size_t k) {
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i < k; ++i) {
    cx += local[i].x;
    cy += local[i].y;
  }
  cx /= static_cast<double>(k);
  cy /= static_cast<double>(k);
  double r2 = 0;
  for (std::size_t i = 0; i < k; ++i) {
    Point& p = local[i];
    p.x -= cx;
    p.y -= cy;
    r2 = std::max(r2, p.x * p.x + p.y * p.y);
  }
  return std::sqrt(r2) + kSpacing / 2;
}

}  // namespace

std::vector<Point> compute_layout(int node_count, const std::vector<std::pair<int, int>>& links,
                                  const std::vector<int>& component, int component_count) {
  const auto n = static_cast<std::size_t>(node_count);
  std::vector<Component> comps(static_cast<std::size_t>(component_count));
  // Counting sorts by component that keep node order and link order within each.
  for (std::size_t v = 0; v < n; ++v) ++comps[static_cast<std::size_t>(component[v])].size;
  for (auto [a, b] : links) ++comps[static_cast<std::size_t>(component[a])].link_count;
  std::size_t at = 0, link_at = 0;
  for (Component& c : comps) {
    c.first = at;
    c.link_first = link_at;
    at += c.size;
    link_at += c.link_count;
  }
  std::vector<int> members(n);
  std::vector<int> local_index(n);
  {
    std::vector<std::size_t> filled(comps.size(), 0);
    for (std::size_t v = 0; v < n; ++v) {
      const auto k = static_cast<std::size_t>(component[v]);
      local_index[v] = static_cast<int>(filled[k]);
      members[comps[k].first + filled[k]++] = static_cast<int>(v);
    }
  }
  std::vector<Link> grouped(links.size());
  {
    std::vector<std::size_t> filled(comps.size(), 0);
    for (auto [a, b] : links) {
      const auto k = static_cast<std::size_t>(component[a]);
      grouped[comps[k].link_first + filled[k]++] = Link(local_index[a], local_index[b]);
    }
  }
  std::vector<int>().swap(local_index);
  std::vector<Point> local(n);  // parallel to members: positions centred on each component's (0, 0)

  double budget = node_count <= kForceLayoutMaxNodes ? kForceBudget : 0;
  for (Component& c : comps) {
    const std::size_t k = c.size;
    if (k == 1) continue;  // a lone node sits at its cell's centre
    Point* points = local.data() + c.first;
    const double cost = static_cast<double>(k) * static_cast<double>(k) * force_iterations(k);
    if (k <= kForceLayoutMaxComponent && cost <= budget) {
      budget -= cost;
      force_layout(grouped.data() + c.link_first, c.link_count, points, k);
    } else {
      circle_layout(points, k);
    }
    c.radius = centre(points, k);
  }
  std::vector<Link>().swap(grouped);

  // Shelf packing, largest component first, rows about as wide as the whole
  // picture is tall.
  std::vector<std::uint32_t> order(comps.size());
  double area = 0;
  for (std::size_t i = 0; i < comps.size(); ++i) {
    order[i] = static_cast<std::uint32_t>(i);
    area += (2 * comps[i].radius + kGap) * (2 * comps[i].radius + kGap);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return comps[a].size > comps[b].size; });
  const double row_width = std::sqrt(area);
  std::vector<Point> out(n);
  double x = 0, y = 0, row_height = 0;
  for (std::uint32_t i : order) {
    const Component& c = comps[i];
    const double d = 2 * c.radius;
    if (x > 0 && x + d > row_width) {
      y += row_height + kGap;
      x = 0;
      row_height = 0;
    }
    for (std::size_t j = 0; j < c.size; ++j) {
      const Point& p = local[c.first + j];
      out[static_cast<std::size_t>(members[c.first + j])] = Point{x + c.radius + p.x, -(y + c.radius) + p.y};
    }
    x += d + kGap;
    row_height = std::max(row_height, d);
  }
  return out;
}

}  // namespace kgraph::graph
