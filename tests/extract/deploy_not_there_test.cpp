// Places a deployment sentence names that are not where the forces are: the target their artillery
// shells (vetoes deploy.attack-target*, word list artillery_verb) and the country "from" which forces come
// (veto deploy.force-origin) and the country "by" which they are attacked (veto deploy.agent-not-destination), each
// with a control sentence the veto leaves alone. Each a full extract run on
// sentences written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(DeployNotThere, APlaceOnTheObjectOfShellingIsItsTarget) {
  auto x = run("Turkish troops had been shelling Kurdish positions in the Afrin region near the border, officials said.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Turkey", "Afrin"), nullptr) << listing(x);
}

// the same forces fighting in a place are there
TEST(DeployNotThere, ForcesFightingInAPlaceAreThere) {
  auto x = run("The war goes on. French troops in Mali have been fighting militants for years.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "France", "Mali"), nullptr) << listing(x);
}

// warplanes bombing targets in a country are an air campaign there, which the annotation counts
TEST(DeployNotThere, ForcesBombingTargetsInACountryAreThere) {
  auto x = run("Russian forces have been bombing rebel positions in Idlib province for weeks.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "Russia", "Idlib"), nullptr) << listing(x);
}

TEST(DeployNotThere, ForcesFromACountryComeFromIt) {
  auto x = run("Turkey has said its troops and forces from Saudi Arabia might participate in a ground operation in Syria.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Turkey", "Saudi Arabia"), nullptr) << listing(x);
}

TEST(DeployNotThere, SoldiersFromAnotherCountryAreNotSentThere) {
  auto x = run("Kenya said soldiers from Uganda will join the African Union mission in Somalia.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Kenya", "Uganda"), nullptr) << listing(x);
}

// forces pulled or withdrawn from a place were deployed there
TEST(DeployNotThere, ForcesPulledFromACountryWereThere) {
  auto x = run("The talks failed. The United States will pull troops from South Korea next year, the president said.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "United States", "South Korea"), nullptr) << listing(x);
}

TEST(DeployNotThere, TheWithdrawalOfForcesFromACountryKeepsIt) {
  auto x = run("The president defended the withdrawal of U.S. forces from Syria on Wednesday.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "United States", "Syria"), nullptr) << listing(x);
}

// a place named as the doer ("by" Country B) acts on the forces: veto deploy.agent-not-destination
TEST(DeployNotThere, APlaceThatAttacksTheForcesIsNotWhereTheyGo) {
  auto x = run("The attack on Iraqi troops by Turkey in northern Iraq drew protests.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Iraq", "Turkey"), nullptr) << listing(x);
}

// a doer named elsewhere in the sentence leaves the destination alone
TEST(DeployNotThere, ADoerElsewhereLeavesTheDestination) {
  auto x = run("Germany has sent 300 troops to Lithuania after an attack by Belarus on a border post, officials said.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "Germany", "Lithuania"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
