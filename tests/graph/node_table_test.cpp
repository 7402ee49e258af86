// The graph's node table (issue 16): a node's aliases, documents, dates and
// Wikidata id go to a record on disk and read back as they went in, after the
// table is put in name order; a damaged record is refused with a message that
// says which file it came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/knowledge_graph.hpp"
#include "graph/node_table.hpp"

namespace kgraph::graph {
namespace {

Node node(int i) {
  Node n;
  n.name = "Entity number " + std::to_string(i) + (i % 2 ? " with a name past the small-string buffer" : "");
  n.type = static_cast<EntityType>(i % kEntityTypeCount);
  n.mentions = 3 * i + 1;
  for (int a = 0; a < i % 4; ++a) n.aliases.push_back("alias " + std::to_string(a) + " of " + std::to_string(i));
  for (int s = 0; s < i % 5; ++s) n.sources.push_back(10 * s + i);
  if (i % 3) {
    n.first_seen = "2024-01-0" + std::to_string(1 + i % 9);
    n.last_seen = "2024-02-1" + std::to_string(i % 10);
  }
  if (i % 4 == 1) n.wikidata = "Q" + std::to_string(100 + i);
  return n;
}

void expect_same(const Node& got, const Node& want) {
  EXPECT_EQ(got.name, want.name);
  EXPECT_EQ(got.type, want.type);
  EXPECT_EQ(got.mentions, want.mentions);
  EXPECT_EQ(got.aliases, want.aliases);
  EXPECT_EQ(got.sources, want.sources);
  EXPECT_EQ(got.first_seen, want.first_seen);
  EXPECT_EQ(got.last_seen, want.last_seen);
  EXPECT_EQ(got.wikidata, want.wikidata);
}

TEST(NodeTable, NodesReadBackWithEveryFieldAfterAPermutation) {
  NodeTable table(::testing::TempDir());
  const int n = 300;  // node 0 has no record at all (no alias, source, date or id)
  for (int i = 0; i < n; ++i) table.push_back(node(i));
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::reverse(order.begin(), order.end());
  table.permute(order);
  table.seal();
  table.measures(5).pagerank = 0.25;
  table.measures(5).degree = 7;
  ASSERT_EQ(table.size(), static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::size_t at = static_cast<std::size_t>(n - 1 - i);
    expect_same(table[at], node(i));
    EXPECT_EQ(table.name(at), node(i).name);
    EXPECT_EQ(table.type(at), node(i).type);
    EXPECT_EQ(table.mentions(at), node(i).mentions);
  }
  const Node with_measures = table.at(5);
  EXPECT_EQ(with_measures.pagerank, 0.25);
  EXPECT_EQ(with_measures.degree, 7);
  EXPECT_THROW(table.at(n), std::out_of_range);
  int seen = 0;
  for (const Node& x : table) seen += x.name.empty() ? 0 : 1;
  EXPECT_EQ(seen, n);
}

TEST(NodeTable, ADamagedRecordIsRefusedNamingTheFile) {
  const Node whole = node(7);  // aliases, sources, dates
  const std::string record = node_record(whole);
  Node back;
  read_node_record(record, back, "a temporary node file in /tmp/x");
  EXPECT_EQ(back.aliases, whole.aliases);
  EXPECT_EQ(back.sources, whole.sources);
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, record.size() / 2, record.size() - 1}) {
    try {
      read_node_record(std::string_view(record).substr(0, cut), back, "a temporary node file in /tmp/x");
      ADD_FAILURE() << "a record cut to " << cut << " bytes was read";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("a temporary node file in /tmp/x: a damaged node record"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_THROW(read_node_record(record + "x", back, "f"), std::runtime_error);  // bytes left over
  std::string huge_count = record;
  huge_count[0] = '\xff';  // more aliases than the record could hold
  EXPECT_THROW(read_node_record(huge_count, back, "f"), std::runtime_error);
}

}  // namespace
}  // namespace kgraph::graph
