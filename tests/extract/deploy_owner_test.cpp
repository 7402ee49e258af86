// Whose forces a sentence means when it names no owner beside them: the country whose office the
// person holding them holds ("President X left office with 500 troops in Y"); forces counted again by
// their number only ("and 5,000 in Z"); forces said to stay past a later year are planned. A full
// extract run on sentences written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

// the relations found, with their rules and notes, for a failure's message
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

// forces said to stay on past a later year than the article's are still to be there
TEST(DeployOwner, ForcesStayingPastALaterYearArePlanned) {
  auto x = run("Germany and Lithuania signed a pact. One clause says German soldiers staying in Lithuania beyond 2026 "
               "cannot be tried in local courts.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(DeployOwner, ForcesWhoRemainPastALaterYearArePlanned) {
  auto x = run("Germany and Lithuania signed a pact. The pact sets the legal status of German soldiers who remain in "
               "Lithuania after the end of 2026.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->modality, Modality::Planned);
}

// a year already past says where they were
TEST(DeployOwner, ForcesThatStayedPastAnEarlierYearAreAsserted) {
  auto x = run("Germany and Lithuania signed a pact. German soldiers stayed in Lithuania beyond 2019.", "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x) << rels(x);
  EXPECT_EQ(r->modality, Modality::Asserted);
}

}  // namespace
}  // namespace kgraph::extract::test
