// How the graph holds its relation mentions (issue 16): texts once, one store,
// the accumulation gone after finalize(), with the same graph as before.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "graph/knowledge_graph.hpp"
#include "graph/text_store.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using kgraph::testing::ExtractionBuilder;

TEST(TextStore, InternHoldsEqualTextsOnceAndCopyAlwaysCopies) {
  TextStore store;
  const std::string a = "trigger:met_with/meet";
  const std::string_view first = store.intern(a);
  const std::string_view second = store.intern(std::string(a));
  EXPECT_EQ(first, a);
  EXPECT_EQ(first.data(), second.data());
  const std::string_view copied = store.copy(a);
  EXPECT_EQ(copied, a);
  EXPECT_NE(copied.data(), first.data());
  EXPECT_TRUE(store.intern("").empty());
}

TEST(TextStore, ViewsStayValidAsTheStoreGrowsAndMoves) {
  TextStore store;
  std::vector<std::pair<std::string, std::string_view>> kept;
  // Far more than one block, with a few texts larger than a block's quarter.
  for (int i = 0; i < 20000; ++i) {
    std::string text = "sentence " + std::to_string(i) + (i % 997 == 0 ? std::string(40000, 'x') : std::string());
    kept.emplace_back(text, store.copy(text));
  }
  TextStore moved = std::move(store);
  for (const auto& [text, view] : kept) ASSERT_EQ(view, text);
  EXPECT_GT(moved.bytes(), 20000u * 10);
}

TEST(MentionStore, RelationsCitingOneSentenceShareItsText) {
  ExtractionBuilder a("doc-a", "2024-01-02");
  const int p = a.entity("Ada Example", EntityType::Person);
  const int q = a.entity("Bo Example", EntityType::Person);
  const int r = a.entity("Cy Example", EntityType::Person);
  a.relation(RelationType::MetWith, p, q, Modality::Asserted, 0, "Ada met Bo and Cy.");
  a.relation(RelationType::MetWith, p, r, Modality::Asserted, 0, "Ada met Bo and Cy.");
  ExtractionBuilder b("doc-b", "2024-01-03");
  b.relation(RelationType::MetWith, b.entity("Ada Example", EntityType::Person), b.entity("Bo Example", EntityType::Person),
             Modality::Asserted, 0, "Ada met Bo and Cy.");
  KnowledgeGraph g;
  g.add(a.get());
  g.add(b.get());
  g.finalize();
  ASSERT_EQ(g.edges().size(), 2u);
  const Edge& ab = g.edges()[0];
  const Edge& ac = g.edges()[1];
  ASSERT_EQ(ab.support.size(), 2u);
  ASSERT_EQ(ac.support.size(), 1u);
  // One document, one copy; another document keeps its own (texts are not compared across documents).
  EXPECT_EQ(ab.support[0].evidence.text.offset(), ac.support[0].evidence.text.offset());
  EXPECT_NE(ab.support[0].evidence.text.offset(), ab.support[1].evidence.text.offset());
  EXPECT_EQ(ab.support[1].evidence.text.str(), "Ada met Bo and Cy.");
  EXPECT_EQ(ac.support[0].evidence.text.str(), "Ada met Bo and Cy.");
  // Rules are held once for the whole graph, and every mention knows its edge.
  EXPECT_EQ(ab.support[0].evidence.rule.data(), ab.support[1].evidence.rule.data());
  EXPECT_EQ(ab.support[0].edge, 0);
  EXPECT_EQ(ac.support[0].edge, 1);
  // The date attribute the builder gave none of them: lists are empty, not missing.
  EXPECT_TRUE(ab.support[0].attributes.empty());
  EXPECT_THROW(ab.support[0].attributes.at("date"), std::out_of_range);
}

TEST(MentionStore, EqualAttributesAreOneListAndPlaceTakesTheChosenName) {
  ExtractionBuilder a("a");
  const int p = a.entity("Pia Example", EntityType::Person);
  const int q = a.entity("Quin Example", EntityType::Person);
  a.entity("Some City", EntityType::Location, {"some city"});
  a.relation(RelationType::MetWith, p, q, Modality::Asserted, 0).attributes = {{"date", "2024-05-01"}, {"place", "e3"}};
  a.relation(RelationType::SpokeWith, p, q, Modality::Asserted, 20).attributes = {{"date", "2024-05-01"}, {"place", "e3"}};
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  ASSERT_EQ(g.edges().size(), 2u);
  const SupportAttributes& first = g.edges()[0].support[0].attributes;
  const SupportAttributes& second = g.edges()[1].support[0].attributes;
  EXPECT_EQ(first.begin(), second.begin());  // one list
  EXPECT_EQ(first.at("place"), "Some City");
  EXPECT_EQ(first.size(), 2u);
  EXPECT_EQ(first.begin()->first, "date");  // sorted by key
}

TEST(MentionStore, FindLooksNamesUpExactly) {
  ExtractionBuilder a("a");
  for (const char* name : {"Zed Example", "Ada Example", "Mo Example", "Ada Examples"})
    a.entity(name, EntityType::Person);
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  for (std::size_t i = 0; i < g.nodes().size(); ++i) EXPECT_EQ(g.find(g.nodes()[i].name), static_cast<int>(i));
  EXPECT_EQ(g.find("Ada"), -1);
  EXPECT_EQ(g.find("Ada Exampl"), -1);
  EXPECT_EQ(g.find("Zz"), -1);
  EXPECT_EQ(g.find(""), -1);
}

TEST(MentionStore, AddAfterFinalizeIsRefused) {
  ExtractionBuilder a("a");
  a.relation(RelationType::MetWith, a.entity("Pia Example", EntityType::Person),
             a.entity("Quin Example", EntityType::Person));
  KnowledgeGraph g;
  g.add(a.get());
  g.finalize();
  ExtractionBuilder b("b");
  EXPECT_THROW(g.add(b.get()), std::logic_error);
  EXPECT_EQ(g.sources().size(), 1u);
}

}  // namespace
}  // namespace kgraph::graph
