// `kgraph report --entity NAME`: which entity a typed name means (a surname,
// an alias, another case or no accents), which names are candidates when a
// surname is shared, and which are suggested for a misspelling.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export/entity_lookup.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::exports {
namespace {

using testing::ExtractionBuilder;

graph::KnowledgeGraph people() {
  graph::KnowledgeGraph g;
  ExtractionBuilder b("a.txt");
  b.entity("Rumen Radev", EntityType::Person, {"Rumen Radev", "Rumen Radev", "President Radev"});
  b.entity("Jens Stoltenberg", EntityType::Person);
  b.entity("Recep Tayyip Erdoğan", EntityType::Person);
  b.entity("John Smith", EntityType::Person, {"John Smith", "John Smith"});
  b.entity("Jane Smith", EntityType::Person);
  b.entity("North Atlantic Treaty Organization", EntityType::Organisation, {"North Atlantic Treaty Organization", "NATO"});
  b.entity("Bulgaria", EntityType::Country);
  b.entity("IANS", EntityType::Organisation);
  g.add(b.get());
  g.finalize();
  return g;
}

std::string name(const graph::KnowledgeGraph& g, int node) {
  return node < 0 ? "<none>" : g.nodes()[static_cast<std::size_t>(node)].name;
}

std::vector<std::string> names(const graph::KnowledgeGraph& g, const std::vector<int>& nodes) {
  std::vector<std::string> out;
  for (int n : nodes) out.push_back(name(g, n));
  return out;
}

TEST(EntityLookup, SurnameAliasCaseAndAccents) {
  const graph::KnowledgeGraph g = people();
  EXPECT_EQ(name(g, lookup_entity(g, "Rumen Radev").node), "Rumen Radev");
  EXPECT_EQ(name(g, lookup_entity(g, "Radev").node), "Rumen Radev");
  EXPECT_EQ(name(g, lookup_entity(g, "radev").node), "Rumen Radev");
  EXPECT_EQ(name(g, lookup_entity(g, "  RUMEN   RADEV ").node), "Rumen Radev");
  EXPECT_EQ(name(g, lookup_entity(g, "President Radev").node), "Rumen Radev");  // an alias
  EXPECT_EQ(name(g, lookup_entity(g, "nato").node), "North Atlantic Treaty Organization");
  EXPECT_EQ(name(g, lookup_entity(g, "Erdogan").node), "Recep Tayyip Erdoğan");
  EXPECT_EQ(name(g, lookup_entity(g, "Stoltenberg").node), "Jens Stoltenberg");
}

TEST(EntityLookup, SharedSurnameGivesCandidatesMostMentionedFirst) {
  const graph::KnowledgeGraph g = people();
  const EntityLookup found = lookup_entity(g, "Smith");
  EXPECT_EQ(found.node, -1);
  EXPECT_EQ(names(g, found.candidates), (std::vector<std::string>{"John Smith", "Jane Smith"}));
}

TEST(EntityLookup, MisspellingGivesTheClosestNames) {
  const graph::KnowledgeGraph g = people();
  const EntityLookup radeev = lookup_entity(g, "Radeev");
  EXPECT_EQ(radeev.node, -1);
  EXPECT_TRUE(radeev.candidates.empty());
  ASSERT_FALSE(radeev.suggestions.empty());
  EXPECT_EQ(name(g, radeev.suggestions.front()), "Rumen Radev");
  EXPECT_EQ(name(g, lookup_entity(g, "Jens Stoltenburg").suggestions.at(0)), "Jens Stoltenberg");
  EXPECT_EQ(name(g, lookup_entity(g, "Bulgria").suggestions.at(0)), "Bulgaria");
  // A word in common counts, after the near spellings.
  EXPECT_EQ(names(g, lookup_entity(g, "Mr Smith").suggestions), (std::vector<std::string>{"John Smith", "Jane Smith"}));
  // Nothing near: no suggestion rather than a random one.
  EXPECT_TRUE(lookup_entity(g, "Macron").suggestions.empty());
  EXPECT_TRUE(lookup_entity(g, "").suggestions.empty());
  // One edit past the limit is not near ("Jens" is 2 edits from "IANS", the limit for 4 letters is 1).
  EXPECT_EQ(names(g, lookup_entity(g, "Jens").suggestions), (std::vector<std::string>{"Jens Stoltenberg"}));
}

}  // namespace
}  // namespace kgraph::exports
