#include "graph/analytics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#include "graph/layout.hpp"

namespace kgraph::graph {
namespace {

using Simple = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                     boost::property<boost::edge_weight_t, double>>;

constexpr double kDamping = 0.85;
constexpr int kPageRankMaxIterations = 100;
constexpr double kPageRankTolerance = 1e-12;
// Exact Brandes costs O(V * E). Above this many vertex-edge steps we estimate
// from a fixed, evenly spaced set of source vertices instead.
constexpr double kExactBetweennessBudget = 2e8;
constexpr int kBetweennessPivots = 128;

// PageRank on the weighted undirected graph: a walker leaves a node along a
// link with probability proportional to its weight. Boost's page_rank wants a
// directed graph and ignores weights, so this is the plain power iteration.
// Isolated nodes spread their rank uniformly. Iteration order is vertex order,
// so the floating-point result is reproducible.
std::vector<double> pagerank(const Simple& g) {
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  auto weight = boost::get(boost::edge_weight, g);
  std::vector<double> strength(n, 0.0);
  for (std::size_t v = 0; v < n; ++v)
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) strength[v] += weight[*it];

  std::vector<double> rank(n, 1.0 / static_cast<double>(n)), next(n);
  for (int iter = 0; iter < kPageRankMaxIterations; ++iter) {
    double dangling = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (strength[v] == 0) dangling += rank[v];
    const double base = (1.0 - kDamping + kDamping * dangling) / static_cast<double>(n);
    for (std::size_t v = 0; v < n; ++v) {
      double sum = 0;
      for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
        std::size_t u = boost::target(*it, g);
        sum += rank[u] * weight[*it] / strength[u];
      }
      next[v] = base + kDamping * sum;
    }
    double change = 0;
    for (std::size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < kPageRankTolerance) break;
  }
  return rank;
}

// Brandes' accumulation from the given sources only (unweighted shortest
// paths). Summed over all sources each unordered pair is counted twice.
std::vector<double> brandes_from(const Simple& g, const std::vector<std::size_t>& pivots) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> centrality(n, 0.0), sigma(n), delta(n);
  std::vector<int> dist(n);
  std::vector<std::size_t> stack;
  stack.reserve(n);
  for (std::size_t s : pivots) {
    std::fill(sigma.begin(), sigma.end(), 0.0);
    std::fill(delta.begin(), delta.end(), 0.0);
    std::fill(dist.begin(), dist.end(), -1);
    stack.clear();
    sigma[s] = 1;
    dist[s] = 0;
    std::queue<std::size_t> queue;
    queue.push(s);
    while (!queue.empty()) {
      std::size_t v = queue.front();
      queue.pop();
      stack.push_back(v);
      for (auto [it, end] = boost::adjacent_vertices(v, g); it != end; ++it) {
        std::size_t w = *it;
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push(w);
        }
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Predecessors of w are the neighbours one step closer to s.
    for (auto w = stack.rbegin(); w != stack.rend(); ++w) {
      for (auto [it, end] = boost::adjacent_vertices(*w, g); it != end; ++it)
        if (dist[*it] == dist[*w] - 1) delta[*it] += sigma[*it] / sigma[*w] * (1.0 + delta[*w]);
      if (*w != s) centrality[*w] += delta[*w];
    }
  }
  return centrality;
}

// Betweenness normalised to [0, 1] by the number of pairs not involving the
// node, (n-1)(n-2)/2, so a star's centre scores exactly 1.
std::vector<double> betweenness(const Simple& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> c(n, 0.0);
  if (n < 3) return c;
  const double cost = static_cast<double>(n) * static_cast<double>(n + boost::num_edges(g));
  if (cost <= kExactBetweennessBudget) {
    // Boost halves the sums for undirected graphs itself.
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, g))));
  } else {
    std::vector<std::size_t> pivots;
    const std::size_t count = std::min<std::size_t>(n, kBetweennessPivots);
    const std::size_t step = n / count;
    for (std::size_t i = 0; i < count; ++i) pivots.push_back(i * step);
    c = brandes_from(g, pivots);
    const double scale = static_cast<double>(n) / static_cast<double>(pivots.size()) / 2.0;
    for (double& v : c) v *= scale;
  }
  const double pairs = static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0;
  for (double& v : c) v /= pairs;
  return c;
}

}  // namespace

void compute_analytics(NodeTable& nodes, const std::vector<Edge>& edges) {
  const int n = static_cast<int>(nodes.size());
  std::map<std::pair<int, int>, double> link_weight;  // ordered: the links come out sorted
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    nodes.measures(v).degree = 0;
    nodes.measures(v).weighted_degree = 0;
  }
  for (const Edge& e : edges) {
    for (int v : {e.head, e.tail}) {
      ++nodes.measures(static_cast<std::size_t>(v)).degree;
      nodes.measures(static_cast<std::size_t>(v)).weighted_degree += e.weight;
    }
    link_weight[{std::min(e.head, e.tail), std::max(e.head, e.tail)}] += e.weight;
  }

  // Each result goes into the nodes as soon as it is known, and the graph is
  // freed before the layout: a news graph has about as many nodes as
  // articles, and these per-node tables were all held at once on top of the
  // nodes (issue 16).
  std::vector<std::pair<int, int>> links;
  std::vector<int> component(static_cast<std::size_t>(n), 0);
  int components = 0;
  {
    Simple g(static_cast<std::size_t>(n));
    links.reserve(link_weight.size());
    for (const auto& [link, w] : link_weight) {
      boost::add_edge(static_cast<std::size_t>(link.first), static_cast<std::size_t>(link.second), w, g);
      links.push_back(link);
    }
    std::map<std::pair<int, int>, double>().swap(link_weight);
    {
      const std::vector<double> rank = pagerank(g);
      for (std::size_t v = 0; v < nodes.size(); ++v) nodes.measures(v).pagerank = rank[v];
    }
    {
      const std::vector<double> between = betweenness(g);
      for (std::size_t v = 0; v < nodes.size(); ++v) nodes.measures(v).betweenness = between[v];
    }
    // Boost numbers components in vertex order, so node 0's component is 0.
    components = n == 0 ? 0 : static_cast<int>(boost::connected_components(g, component.data()));
  }
  for (std::size_t v = 0; v < nodes.size(); ++v) nodes.measures(v).component = component[v];
  const std::vector<Point> pos = compute_layout(n, links, component, components);
  for (std::size_t v = 0; v < nodes.size(); ++v) {
    nodes.measures(v).x = pos[v].x;
    nodes.measures(v).y = pos[v].y;
  }
}

}  // namespace kgraph::graph
