// Two titles in the chain before one name, each with its own office ("Coalition spokesman US Army
// Col. X"): the parse reads one pair, the entity stage's office context the other, and both stand.
// Real sentences (kgdev, the 20 MB bench corpus).
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

TEST(TitleChain, RankOfOneBodyAfterRoleOfAnother) {
  const Extraction x = test::run(
      "Coalition spokesman US Army Col. Myles Caggins III told Al-Monitor that the US recently provided Iraqi "
      "authorities with several million dollars' worth of border security infrastructure.\n");
  EXPECT_TRUE(test::holds(x, "Myles Caggins III", "Coalition")) << test::listing(x);
  EXPECT_TRUE(test::holds(x, "Myles Caggins III", "US Army")) << test::listing(x);
}

// One title read by both: the context adds nothing the parse already gave.
TEST(TitleChain, OneTitleGivesOneOffice) {
  const Extraction x = test::run(
      "Turkish Prime Minister Recep Tayyip Erdogan's ban of YouTube occurred after a conversation was leaked.\n");
  EXPECT_TRUE(test::holds(x, "Recep Tayyip Erdogan", "Turkey")) << test::listing(x);
  int n = 0;
  for (const Relation& r : x.relations) n += r.type == RelationType::HoldsPosition;
  EXPECT_EQ(n, 1) << test::listing(x);
}

}  // namespace
}  // namespace kgraph::extract
