// Whose forces a sentence means when it names no owner beside them: the country whose office the
// person holding them holds ("President X left office with 500 troops in Y"). A full extract run on
// sentences written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

std::string rels(const Extraction& x) {
  std::string o;
  for (const Relation& r : x.relations) o += x.entities[r.head].name + " -> " + x.entities[r.tail].name + " " + r.evidence.rule + " " + r.evidence.note + "\n";
  return o;
}

TEST(DeployOwner, ForcesAPersonInOfficeHoldsAreTheCountryOfTheOffice) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz left office with about 200 "
               "soldiers in Lithuania.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.noun.forces-in-unowned");
}

TEST(DeployOwner, ForcesInAClauseJoinedToThePersonsVerb) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz came to power and doubled the "
               "number of soldiers in Lithuania.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
}

// the forces as the subject of their own clause have no holder
TEST(DeployOwner, ForcesThatAreTheSubjectHaveNoHolder) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz said soldiers in Lithuania were ready.",
               "2023-05-10");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Germany", "Lithuania"), nullptr) << listing(x) << rels(x);
}

// "500 troops in X and 5,000 in Y": the second place's forces are counted by their number only
TEST(DeployOwner, ForcesCountedAgainByTheirNumberOnly) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz left office with 200 soldiers in "
               "Lithuania and 1,500 in Poland.",
               "2023-05-10");
  ASSERT_NE(find(x, RelationType::DeployedTo, "Germany", "Lithuania"), nullptr) << listing(x) << rels(x);
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Poland");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.noun.forces-in-unowned");
}

TEST(DeployOwner, ForcesOfANamedOwnerCountedAgain) {
  auto x = run("Talks stalled. Germany has 200 soldiers in Lithuania and 1,500 in Poland.");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Poland");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->evidence.rule.rfind("parse:deploy.noun.forces-in", 0), 0u) << r->evidence.rule;
}

}  // namespace
}  // namespace kgraph::extract::test
