#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "graph/knowledge_graph.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using kgraph::testing::ExtractionBuilder;

// A star (Hub with four leaves) and, apart from it, one more pair. People have full names: a
// person named by one word stays with its document and its node's name says so.
KnowledgeGraph star_and_pair() {
  ExtractionBuilder d("star");
  int hub = d.entity("Hub Example", EntityType::Person);
  for (const char* leaf : {"L1 Example", "L2 Example", "L3 Example", "L4 Example"})
    d.relation(RelationType::MetWith, hub, d.entity(leaf, EntityType::Person));
  d.relation(RelationType::MemberOf, d.entity("P Example", EntityType::Person), d.entity("Q", EntityType::Organisation));
  KnowledgeGraph g;
  g.add(d.get());
  g.finalize();
  return g;
}

TEST(Analytics, StarCentreDominates) {
  KnowledgeGraph g = star_and_pair();
  const auto& nodes = g.nodes();
  const Node& hub = nodes[g.find("Hub Example")];
  EXPECT_EQ(hub.degree, 4);
  EXPECT_DOUBLE_EQ(hub.weighted_degree, 4.0);
  EXPECT_DOUBLE_EQ(hub.betweenness, 6.0 / 15.0);  // 6 leaf pairs out of C(6,2) pairs without the hub
  double total = 0;
  for (const Node& n : nodes) {
    total += n.pagerank;
    if (n.name != "Hub Example") {
      EXPECT_LT(n.pagerank, hub.pagerank) << n.name;
      EXPECT_EQ(n.betweenness, 0.0) << n.name;
    }
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  const Node& leaf = nodes[g.find("L1 Example")];
  EXPECT_EQ(leaf.degree, 1);
}

TEST(Analytics, ComponentsFollowNodeOrder) {
  KnowledgeGraph g = star_and_pair();
  std::set<int> components;
  for (const Node& n : g.nodes()) components.insert(n.component);
  EXPECT_EQ(components, (std::set<int>{0, 1}));
  EXPECT_EQ(g.nodes()[g.find("Hub Example")].component, g.nodes()[g.find("L4 Example")].component);
  EXPECT_NE(g.nodes()[g.find("Hub Example")].component, g.nodes()[g.find("P Example")].component);
  EXPECT_EQ(g.nodes()[0].component, 0);
}

TEST(Analytics, LayoutIsDeterministicAndSpreadOut) {
  KnowledgeGraph a = star_and_pair(), b = star_and_pair();
  std::set<std::pair<double, double>> seen;
  for (std::size_t i = 0; i < a.nodes().size(); ++i) {
    const Node& n = a.nodes()[i];
    EXPECT_EQ(n.x, b.nodes()[i].x);
    EXPECT_EQ(n.y, b.nodes()[i].y);
    EXPECT_TRUE(std::isfinite(n.x) && std::isfinite(n.y));
    seen.insert({n.x, n.y});
  }
  EXPECT_EQ(seen.size(), a.nodes().size());  // no two nodes on the same spot
}

TEST(Analytics, EmptyGraphIsFine) {
  KnowledgeGraph g;
  g.finalize();
  EXPECT_TRUE(g.nodes().empty());
  EXPECT_TRUE(g.edges().empty());
}

}  // namespace
}  // namespace kgraph::graph
