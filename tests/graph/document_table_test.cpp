// The graph's table of documents (issue 16): on disk under a memory budget, a
// document reads back with every field as it went in, whatever the order it
// was put in, and the graph built from it is the graph built in memory.
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "graph/document_table.hpp"
#include "graph/knowledge_graph.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using kgraph::testing::ExtractionBuilder;

DocumentMeta meta(int i) {
  DocumentMeta m;
  m.id = "doc-" + std::to_string(i);
  m.title = i % 3 == 0 ? "" : "A title long enough to leave the small-string buffer, number " + std::to_string(i);
  m.date = i % 4 == 0 ? "" : "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T08:00:00Z";
  m.source = i % 5 == 0 ? "" : "Outlet " + std::to_string(i % 3);
  m.url = "https://example.org/news/" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 7) * 40, 'u');
  m.author = i % 2 ? "Jo Writer" : "";
  return m;
}

void expect_same(const DocumentMeta& got, const DocumentMeta& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.date, want.date);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.author, want.author);
}

TEST(DocumentTable, OnDiskRecordsReadBackWithEveryFieldAfterAPermutation) {
  const int n = 3000;  // records of several MB in all: more than the scratch file's write buffer
  for (const bool disk : {false, true}) {
    SCOPED_TRACE(disk ? "on disk" : "in memory");
    DocumentTable table;
    if (disk) table.keep_on_disk({});
    EXPECT_EQ(table.on_disk(), disk);
    for (int i = 0; i < n; ++i) table.push_back(meta(i));
    ASSERT_EQ(table.size(), static_cast<std::size_t>(n));
    // Reversed, then every other pair swapped: cycles of two and a long one.
    std::vector<std::uint32_t> order(n);
    for (int i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(n - 1 - i);
    for (int i = 0; i + 1 < n; i += 4) std::swap(order[i], order[i + 1]);
    table.permute(order);
    table.seal();
    const DocumentTable moved = std::move(table);
    std::size_t at = 0;
    for (const DocumentMeta& m : moved) {
      const DocumentMeta want = meta(static_cast<int>(order[at]));
      expect_same(m, want);
      EXPECT_EQ(moved.id(at), want.id);
      EXPECT_EQ(moved.date(at), want.date);
      EXPECT_EQ(moved.outlet(at), want.source);
      ++at;
    }
    EXPECT_EQ(at, static_cast<std::size_t>(n));
    expect_same(moved.at(17), meta(static_cast<int>(order[17])));
    EXPECT_THROW(moved.at(n), std::out_of_range);
  }
}

TEST(DocumentTable, GoingToDiskAfterAPushIsRefused) {
  DocumentTable table;
  table.push_back(meta(1));
  EXPECT_THROW(table.keep_on_disk({}), std::logic_error);
  EXPECT_THROW(table.permute({0, 1}), std::invalid_argument);
}

// A graph with and without a memory budget (its documents on disk either way) gives the same sources,
// nodes' dates and edges' outlets and dates, with ids in order and out of
// order (the table is then sorted by id), and a repeated id is still caught.
TEST(DocumentTable, AGraphWithItsDocumentsOnDiskIsTheGraphInMemory) {
  auto doc = [](const std::string& id, const std::string& date, const std::string& outlet) {
    ExtractionBuilder b(id, date, outlet);
    b.relation(RelationType::MetWith, b.entity("Pat Doe", EntityType::Person), b.entity("Quin Roe", EntityType::Person));
    return b;
  };
  const ExtractionBuilder a = doc("a", "2024-03-01", "A"), b = doc("b", "2024-01-05", "B"), c = doc("c", "", ""),
                          b2 = doc("b", "2023-01-01", "other");
  auto describe = [](const KnowledgeGraph& g) {
    std::string out;
    for (const DocumentMeta& m : g.sources()) out += m.id + ' ' + m.date + ' ' + m.source + '\n';
    for (const Node& n : g.nodes()) out += n.name + ' ' + n.first_seen + ' ' + n.last_seen + '\n';
    for (const Edge& e : g.edges())
      out += std::to_string(e.weight) + ' ' + std::to_string(e.outlet_count) + ' ' + e.first_seen + ' ' + e.last_seen + '\n';
    return out;
  };
  std::vector<std::string> seen;
  for (const bool disk : {false, true})
    for (const bool sorted : {true, false}) {
      KnowledgeGraph g;
      if (disk) g.use_memory_budget(std::size_t{64} << 20);
      const std::vector<const ExtractionBuilder*> docs =
          sorted ? std::vector<const ExtractionBuilder*>{&a, &b, &b2, &c} : std::vector<const ExtractionBuilder*>{&c, &b, &a, &b2};
      for (const ExtractionBuilder* x : docs) g.add(x->get());
      g.finalize();
      EXPECT_TRUE(g.sources().on_disk());  // with or without a budget (issue 16)
      seen.push_back(describe(g));
    }
  EXPECT_EQ(seen[0],
            "a 2024-03-01 A\nb 2024-01-05 B\nc  \nPat Doe 2024-01-05 2024-03-01\nQuin Roe 2024-01-05 2024-03-01\n"
            "3.000000 3 2024-01-05 2024-03-01\n");
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_EQ(seen[i], seen[0]) << "run " << i;
}

}  // namespace
}  // namespace kgraph::graph
