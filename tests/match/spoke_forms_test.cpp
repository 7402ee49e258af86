// spoke_with forms over the dependency parse (h-spoke): each rule on a sentence written for the test,
// with a near sentence it must leave alone.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

void expect_rule(const Relation* r, const std::string& rule) {
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:" + rule);
}

// "X also spoke to Y": a conversation told as done, with or without a phone named; one planned
// ("will talk to Y", "asked him to talk to Y") is left to the other rules
TEST(SpokeForms, SpokeToAPersonToldAsDone) {
  auto x = run("Olaf Scholz also spoke to Ukrainian President Volodymyr Zelensky on Sunday.");
  expect_rule(find(x, RelationType::SpokeWith, "Olaf Scholz", "Volodymyr Zelensky"), "spoke.verb.to-person");
  auto y = run("Olaf Scholz said he will talk to Volodymyr Zelensky about the grain deal.");
  EXPECT_EQ(count(y, RelationType::SpokeWith), 0) << listing(y);
  auto z = run("Olaf Scholz never asked Rishi Sunak to talk to Volodymyr Zelensky.");
  EXPECT_EQ(count(z, RelationType::SpokeWith), 0) << listing(z);
}

}  // namespace
}  // namespace kgraph::extract::test
