// Parties the sentence does not name (kgraph issue 12, "coref"). Pronouns after a description of a
// person that opens their sentence: "The top US diplomat returned from Y, where he met X" -- the pronoun
// stands for the description, which the resolver bound to no one, never for a person named in an
// earlier sentence. A country's leader who sends forces sends the country's. 'The president' before
// the text names its holder.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(UnnamedParties, PronounAfterOpeningDescriptionIsNotAnEarlierPerson) {
  auto x = run(
      "Treasury Secretary John Roe said on Thursday that he would not attend the investment conference in Riyadh. "
      "No other officials will attend in his place, an administration source said. "
      "The top US diplomat returned on Wednesday from Riyadh, where he met with Crown Prince Mohammed bin Salman.");
  EXPECT_EQ(find(x, RelationType::MetWith, "John Roe", "Mohammed bin Salman"), nullptr) << listing(x);
}

TEST(UnnamedParties, NameInAppositionStillBindsThePronoun) {
  auto x = run(
      "Treasury Secretary John Roe said on Thursday that he would not attend the investment conference in Riyadh. "
      "The top US diplomat, Mike Pompeo, returned on Wednesday from Riyadh, where he met with Crown Prince "
      "Mohammed bin Salman.");
  EXPECT_NE(find(x, RelationType::MetWith, "Mike Pompeo", "Mohammed bin Salman"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::MetWith, "John Roe", "Mohammed bin Salman"), nullptr) << listing(x);
}

TEST(UnnamedParties, ALeaderSendingTroopsSendsTheCountrys) {
  auto x = run(
      "The United States has few allies in the region. President Barack Obama sent 3,000 troops to Liberia in "
      "2014 to fight the epidemic.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "United States", "Liberia"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::DeployedTo, "Barack Obama", "Liberia"), nullptr) << listing(x);
}

// The country must be named: the leader's country is not made up from the office-holder data alone.
TEST(UnnamedParties, ALeadersCountryNotNamedGivesNoDeployment) {
  auto x = run("President Barack Obama sent 3,000 troops to Liberia in 2014 to fight the epidemic.");
  for (const Relation& r : x.relations) EXPECT_NE(r.type, RelationType::DeployedTo) << listing(x);
}

// "the president" before the text names the holder: the one person named in the text who holds the
// office at the article's date (office-holder data), here named two sentences later.
TEST(UnnamedParties, ThePresidentBeforeTheHolderIsNamed) {
  auto x = run(
      "Conservatives are wary of what the president is selling. Rep. John Roe went to the White House on Thursday "
      "for a meeting with the president and other lawmakers. Roe said later that Donald Trump had listened.",
      "2017-03-13");
  EXPECT_NE(find(x, RelationType::MetWith, "John Roe", "Donald Trump"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
