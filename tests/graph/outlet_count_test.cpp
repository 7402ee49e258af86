// outlet_count when some documents have no outlet: they count together as one
// unknown outlet, never one outlet per file.
#include <gtest/gtest.h>

#include "graph/knowledge_graph.hpp"
#include "tests/graph/graph_fixtures.hpp"

namespace kgraph::graph {
namespace {

using testing::ExtractionBuilder;

Extraction meeting(const std::string& id, const std::string& outlet) {
  ExtractionBuilder b(id, "2024-03-01", outlet);
  const int radev = b.entity("Rumen Radev", EntityType::Person);
  const int stoltenberg = b.entity("Jens Stoltenberg", EntityType::Person);
  b.relation(RelationType::MetWith, radev, stoltenberg);
  return b.get();
}

int outlets_of_the_meeting(const std::vector<Extraction>& docs) {
  KnowledgeGraph g;
  for (const Extraction& x : docs) g.add(x);
  g.finalize();
  EXPECT_EQ(g.edges().size(), 1u);
  return g.edges().empty() ? -1 : g.edges()[0].outlet_count;
}

TEST(OutletCount, DocumentsOfUnknownOutletCountAsOne) {
  EXPECT_EQ(outlets_of_the_meeting({meeting("dump-1.txt", ""), meeting("dump-2.txt", ""), meeting("dump-3.txt", "")}), 1);
  EXPECT_EQ(outlets_of_the_meeting({meeting("r1.txt", "Reuters"), meeting("dump-1.txt", ""), meeting("dump-2.txt", "")}), 2);
  EXPECT_EQ(outlets_of_the_meeting({meeting("r1.txt", "Reuters"), meeting("r2.txt", "Reuters"), meeting("a1.txt", "AP")}), 2);
}

TEST(OutletCount, AnOutletNamedLikeADocumentIdIsStillItsOwn) {
  // Before, an unknown outlet fell back to the document id, so a document with
  // id "AP" and no outlet merged with the outlet AP.
  EXPECT_EQ(outlets_of_the_meeting({meeting("AP", ""), meeting("a1.txt", "AP")}), 2);
}

}  // namespace
}  // namespace kgraph::graph
