// Who sends forces, where to, and whether it happened: a person sending forces sends them for the
// country whose office they hold; a destination named by its class ("the city of X"); a sending
// authorized or signed off on is planned; a gerund under a cue verb takes its cue. Each a full extract
// run on sentences written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

int person_headed_deployments(const Extraction& x) {
  int n = 0;
  for (const Relation& r : x.relations)
    n += r.type == RelationType::DeployedTo && x.entities[static_cast<std::size_t>(r.head)].type == EntityType::Person;
  return n;
}

TEST(DeploySender, APersonInOfficeSendsForTheCountryOfTheOffice) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz sent 200 soldiers to Lithuania on Monday.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.person-sender");
  EXPECT_EQ(r->modality, Modality::Asserted);
  EXPECT_EQ(person_headed_deployments(x), 0);
}

TEST(DeploySender, APastLeaderSentForTheCountryOfAnEarlierTerm) {
  auto x = run("The law lets the United States use the army at home. It was last invoked by President George H. W. Bush "
               "in 1992, when he ordered 4,500 troops to Los Angeles after riots erupted.",
               "2017-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "United States", "Los Angeles");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.person-sender");
}

// not for the country the text is about, nor any other the text names
TEST(DeploySender, APersonWithNoKnownOfficeSendsForNoOne) {
  auto x = run("Germany and Lithuania held talks on Friday. John Carver deployed 200 soldiers to Lithuania on Monday.", "2023-05-10");
  EXPECT_EQ(count(x, RelationType::DeployedTo), 0);
}

TEST(DeploySender, ADestinationNamedByItsClass) {
  auto x = run("France deployed hundreds of soldiers to the city of Lyon after the attack.");
  const Relation* r = find(x, RelationType::DeployedTo, "France", "Lyon");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.quantity");
}

TEST(DeploySender, ASendingAuthorizedIsPlanned) {
  auto x = run("Lithuania asked for help. Germany has authorized its army to send 300 troops to Lithuania.");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(DeploySender, ASendingSignedOffOnIsPlanned) {
  auto x = run("Lithuania asked for help. Germany has signed off on sending 4,000 troops to Lithuania, officials said.");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Planned);
}

TEST(DeploySender, APersonWhoRefusesToSendSendsNothing) {
  auto x = run("The United States is wary of a wider war. President Joe Biden has refused to send troops to Ukraine.",
               "2022-02-10");
  const Relation* r = find(x, RelationType::DeployedTo, "United States", "Ukraine");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.person-sender");
  EXPECT_EQ(r->modality, Modality::Negated);
}

TEST(DeploySender, ForcesThatEnterACountryAreThere) {
  auto x = run("Talks failed on Wednesday. Russian troops entered Georgia on Thursday, the ministry said.");
  const Relation* r = find(x, RelationType::DeployedTo, "Russia", "Georgia");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.enter");
}

TEST(DeploySender, ACountrysDeploymentWithNoThemeIsOfItsForces) {
  auto x = run("Lithuania asked its allies for help. The German deployment to Lithuania began on Monday.");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.noun.bare");
}

TEST(DeploySender, ADeploymentOfSomethingElseIsNone) {
  auto x = run("Lithuania asked its allies for help. The German deployment of aid workers to Lithuania began on Monday.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Germany", "Lithuania"), nullptr);
}

TEST(DeploySender, ForcesAroundAPlaceAreThere) {
  auto x = run("The siege went on. On Friday, Turkish forces around Aleppo came under fire from militants.");
  const Relation* r = find(x, RelationType::DeployedTo, "Turkey", "Aleppo");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "pattern:deployed_to/forces-in");
}

// forces around a country are at its borders, not in it
TEST(DeploySender, ForcesAroundACountryAreNotInIt) {
  auto x = run("Ministers met in Brussels on Friday. They discussed the Russian forces around Ukraine and the risk of war.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Russia", "Ukraine"), nullptr);
}

// what the forces go to secure or defend is where they go
TEST(DeploySender, ThePlaceTheForcesGoToSecureIsTheDestination) {
  auto x = run("Germany faces calls for help from its allies. Chancellor Olaf Scholz sent 500 more soldiers to secure "
               "Lithuania after the attack.",
               "2023-05-10");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:deploy.verb.person-sender");
}

// a gerund object of a cue verb, parsed as a clause of it, takes the verb's cue
TEST(DeploySender, PuttingForcesInAPlaceThatOneShouldRuleOutIsHypothetical) {
  auto x = run("Lithuania asked its allies for help. The minister said he did not think the treaty should rule out "
               "putting German boots on the ground in Lithuania.");
  const Relation* r = find(x, RelationType::DeployedTo, "Germany", "Lithuania");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Hypothetical);
}

// every place of a list after forces where they are
TEST(DeploySender, ForcesInAListOfPlacesAreInEach) {
  auto x = run("The drawdown was announced on Friday. France has troops in Mali, Niger and Chad, officials said.");
  for (const char* place : {"Mali", "Niger", "Chad"}) {
    const Relation* r = find(x, RelationType::DeployedTo, "France", place);
    ASSERT_NE(r, nullptr) << place << "\n" << listing(x);
    EXPECT_EQ(r->evidence.rule, "pattern:deployed_to/forces-in");
  }
}

// a destination is where the forces go or are, not who acts on them
TEST(DeploySender, TheCountryThatBombsForcesIsNoDestination) {
  auto x = run("\" France has already bombed Libyan soldiers, killing over 40, \" she said.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Libya", "France"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
