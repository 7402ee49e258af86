// KnowledgeGraph::use_partition and the edge summaries of `kgraph merge --mpi`:
// the partitions of a corpus hold every node and source of the whole graph,
// each edge in exactly one of them with all its mentions, and the summaries
// gathered from them rebuild the whole graph's edges and analytics.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <tuple>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "graph/edge_summary.hpp"
#include "graph/knowledge_graph.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using kgraph::testing::ExtractionBuilder;

std::vector<Extraction> corpus(unsigned seed, int docs) {
  std::mt19937 rng(seed);
  const std::vector<std::string> names = {"Anna Berg", "Boris Cole", "Carla Diaz", "Dan Evans", "Eva Fox",
                                          "Frank Gold", "Gina Hart", "Hugo Ivers"};
  std::vector<Extraction> out;
  for (int d = 0; d < docs; ++d) {
    ExtractionBuilder b("doc" + std::to_string(100 + d), "2024-03-" + std::to_string(10 + d % 20),
                        "outlet" + std::to_string(d % 4));
    std::vector<int> idx;
    for (int k = 0; k < 4; ++k) idx.push_back(b.entity(names[rng() % names.size()], EntityType::Person));
    for (int r = 0; r < 4; ++r) {
      const int h = idx[rng() % idx.size()], t = idx[rng() % idx.size()];
      if (b.get().entities[h].name == b.get().entities[t].name) continue;
      b.relation(rng() % 2 ? RelationType::MetWith : RelationType::MemberOf, h, t,
                 rng() % 3 ? Modality::Asserted : Modality::Reported, static_cast<std::uint32_t>(r * 20),
                 "Sentence " + std::to_string(d) + "." + std::to_string(r) + ".");
    }
    out.push_back(b.get());
  }
  return out;
}

KnowledgeGraph graph_of(const std::vector<Extraction>& xs, unsigned part, unsigned parts) {
  KnowledgeGraph g;
  if (parts > 1) g.use_partition(part, parts);
  for (const Extraction& x : xs) g.add(x);
  g.finalize();
  return g;
}

std::string edge_line(const KnowledgeGraph& g, const Edge& e) {
  std::ostringstream out;
  out << g.nodes()[e.head].name << '|' << to_string(e.type) << '|' << g.nodes()[e.tail].name << '|' << e.weight << '|'
      << e.source_count << '|' << e.outlet_count << '|' << e.first_seen << '|' << e.last_seen << '|'
      << to_string(e.modality) << '|' << (e.support.empty() ? "" : e.support.front().evidence.text.str());
  for (const Support& s : e.support) out << ' ' << s.source;
  return out.str();
}

std::string node_line(const Node& n) {
  char num[160];
  std::snprintf(num, sizeof num, "%d %.17g %.17g %.17g %d %.17g %.17g", n.degree, n.weighted_degree, n.pagerank,
                n.betweenness, n.component, n.x, n.y);
  return n.name + ' ' + num;
}

TEST(Partition, EachEdgeIsInOnePartitionWithAllItsMentions) {
  const std::vector<Extraction> xs = corpus(5, 60);
  const KnowledgeGraph whole = graph_of(xs, 0, 1);
  ASSERT_GT(whole.edges().size(), 10u);
  const unsigned parts = 3;
  std::vector<std::string> edges_seen;
  std::size_t mentions = 0;
  int non_empty = 0;
  for (unsigned p = 0; p < parts; ++p) {
    const KnowledgeGraph g = graph_of(xs, p, parts);
    ASSERT_EQ(g.nodes().size(), whole.nodes().size());
    for (std::size_t i = 0; i < g.nodes().size(); ++i) EXPECT_EQ(g.nodes()[i].name, whole.nodes()[i].name);
    ASSERT_EQ(g.sources().size(), whole.sources().size());
    non_empty += g.edges().empty() ? 0 : 1;
    for (const Edge& e : g.edges()) {
      edges_seen.push_back(edge_line(g, e));
      mentions += e.support.size();
    }
  }
  EXPECT_GT(non_empty, 1);
  std::vector<std::string> expected;
  std::size_t expected_mentions = 0;
  for (const Edge& e : whole.edges()) {
    expected.push_back(edge_line(whole, e));
    expected_mentions += e.support.size();
  }
  std::sort(edges_seen.begin(), edges_seen.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(edges_seen, expected);
  EXPECT_EQ(mentions, expected_mentions);
}

TEST(Partition, GatheredSummariesGiveTheWholeGraphsEdgesAndAnalytics) {
  const std::vector<Extraction> xs = corpus(9, 50);
  const KnowledgeGraph whole = graph_of(xs, 0, 1);
  const unsigned parts = 4;
  std::string bytes;  // as the ranks send them
  for (unsigned p = 0; p < parts; ++p)
    for (const EdgeSummary& e : graph_of(xs, p, parts).edge_summaries()) append_summary(bytes, e);
  std::vector<EdgeSummary> all;
  for (std::string_view in = bytes; !in.empty();) all.push_back(read_summary(in));
  std::sort(all.begin(), all.end(), summary_before);

  KnowledgeGraph rank0 = graph_of(xs, 0, parts);
  rank0.analyse(all);
  for (std::size_t i = 0; i < whole.nodes().size(); ++i)
    EXPECT_EQ(node_line(rank0.nodes()[i]), node_line(whole.nodes()[i]));
  rank0.adopt_summaries(std::move(all));
  ASSERT_EQ(rank0.edges().size(), whole.edges().size());
  for (std::size_t i = 0; i < whole.edges().size(); ++i) {
    const Edge& a = rank0.edges()[i];
    const Edge& b = whole.edges()[i];
    EXPECT_EQ(std::tie(a.head, a.type, a.tail), std::tie(b.head, b.type, b.tail));
    EXPECT_EQ(a.weight, b.weight);
    EXPECT_EQ(a.modality_mentions, b.modality_mentions);
    EXPECT_EQ(a.support.front().evidence.text.str(), b.support.front().evidence.text.str());
    std::vector<int> sa, sb;  // the distinct supporting documents
    for (const Support& s : a.support) sa.push_back(s.source);
    for (const Support& s : b.support)
      if (sb.empty() || sb.back() != s.source) sb.push_back(s.source);
    EXPECT_EQ(sa, sb) << i;
  }
  for (std::size_t i = 0; i < whole.nodes().size(); ++i)
    EXPECT_EQ(node_line(rank0.nodes()[i]), node_line(whole.nodes()[i]));
}

// A partition that takes its nodes from partition 0 (use_node_order, as the
// ranks other than 0 of `merge --mpi` do) keeps only merge keys, yet ends with
// the whole graph's node names in the whole graph's order and the same edges
// as a partition that summed its entities up itself.
TEST(Partition, NodesTakenFromPartitionZeroGiveTheSameEdges) {
  std::vector<Extraction> xs = corpus(13, 60);
  // Most documents spell one name another way: the name chosen needs every
  // document's spellings, which only the partition that sums entities up has.
  for (std::size_t d = 0; d < xs.size(); ++d)
    for (Entity& e : xs[d].entities)
      if (e.name == "Anna Berg" && d % 3 != 0) e.name = "Anna BERG";
  const KnowledgeGraph whole = graph_of(xs, 0, 1);
  ASSERT_GE(whole.find("Anna BERG"), 0);
  const unsigned parts = 3;
  KnowledgeGraph first;
  first.use_partition(0, parts);
  for (const Extraction& x : xs) first.add(x);
  first.finalize();
  const NodeOrder order = first.take_node_order();
  EXPECT_THROW(first.take_node_order(), std::logic_error);  // once
  for (unsigned p = 1; p < parts; ++p) {
    KnowledgeGraph lean;
    lean.use_partition(p, parts);
    int fetched = 0;
    lean.use_node_order([&] {
      ++fetched;
      return order;
    });
    for (const Extraction& x : xs) lean.add(x);
    lean.finalize();
    EXPECT_EQ(fetched, 1);
    ASSERT_EQ(lean.nodes().size(), whole.nodes().size());
    for (std::size_t i = 0; i < whole.nodes().size(); ++i) EXPECT_EQ(lean.nodes()[i].name, whole.nodes()[i].name);
    const KnowledgeGraph full = graph_of(xs, p, parts);
    ASSERT_EQ(lean.edges().size(), full.edges().size()) << p;
    ASSERT_FALSE(lean.edges().empty()) << p;
    for (std::size_t i = 0; i < full.edges().size(); ++i)
      EXPECT_EQ(edge_line(lean, lean.edges()[i]), edge_line(full, full.edges()[i]));
  }
  // A node order of documents added in another order (the same keys met in
  // another order, so the same vertex count): refused, not applied to the
  // wrong vertices.
  KnowledgeGraph reversed;
  reversed.use_partition(1, parts);
  reversed.use_node_order([&] { return order; });
  for (auto x = xs.rbegin(); x != xs.rend(); ++x) reversed.add(*x);
  EXPECT_THROW(reversed.finalize(), std::runtime_error);
}

TEST(Partition, SummaryCutShortIsAnError) {
  EdgeSummary e;
  e.head = 1;
  e.tail = 2;
  e.sources = {0, 3};
  e.first_evidence = "They met.";
  std::string bytes;
  append_summary(bytes, e);
  std::string_view whole = bytes;
  const EdgeSummary back = read_summary(whole);
  EXPECT_TRUE(whole.empty());
  EXPECT_EQ(back.sources, e.sources);
  EXPECT_EQ(back.first_evidence, "They met.");
  std::string_view cut = std::string_view(bytes).substr(0, bytes.size() - 3);
  EXPECT_THROW(read_summary(cut), std::runtime_error);
}

}  // namespace
}  // namespace kgraph::graph
