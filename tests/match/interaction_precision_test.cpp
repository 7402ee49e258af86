// Precision of the interaction relations (met_with, spoke_with, deployed_to): readings the rules
// proposed that are no relation, or the wrong modality, each on a sentence written for the test in the
// style of the news that showed the error, with a control the change leaves alone.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

// "a conference call with House members": the body only qualifies the people called
TEST(InteractionPrecision, ABodyQualifyingThePeopleCalledIsNoParty) {
  auto x = run("Joe Biden will hold another conference call with Senate members on Monday.");
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Joe Biden", "Senate"), nullptr) << listing(x);
  x = run("Joe Biden will hold another conference call with Senate Democrats on Monday.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Joe Biden", "Senate Democrats"), nullptr) << listing(x);
}

// "X said of the upcoming meeting with Y, ...": a comment on the meeting, not a part in it; "he said of his
// meeting with Y" is his own
TEST(InteractionPrecision, WhatOneSaidOfAMeetingIsNoPartInIt) {
  auto x = run("German Chancellor Olaf Scholz said of the coming meeting with Emmanuel Macron, \"We expect a frank "
               "exchange on energy prices.\"");
  EXPECT_EQ(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"), nullptr) << listing(x);
  x = run("Olaf Scholz said of his meeting with Emmanuel Macron on Monday that it had been \"frank and useful.\"");
  EXPECT_NE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"), nullptr) << listing(x);
}

// "X said the Y summit did not improve Z's hand ahead of the meeting with W": the speaker only reports a
// clause whose subject is an event and whose possessor is another party; the meeting is not X's
TEST(InteractionPrecision, TheSpeakerOfAClauseOwnedByAnotherIsNoParty) {
  auto x = run("Anna Keller, a researcher at Oxford University, said the G7 summit did not strengthen Olaf Scholz's "
               "position ahead of the meeting with Emmanuel Macron.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Anna Keller", "Emmanuel Macron"), nullptr) << listing(x);
  x = run("Anna Keller said Olaf Scholz had a strong hand ahead of the meeting with Emmanuel Macron.");
  EXPECT_NE(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"), nullptr) << listing(x);
}

// A token-window rule's sentence is parsed for its vetoes as it is for its modality, even when no parse rule
// selected it: "a French military cemetery" names no force present in the scene's country
TEST(InteractionPrecision, VetoesReadTheParseOfATokenRulesSentence) {
  auto x = run("On Monday in Belgium, Emmanuel Macron laid a wreath at a French military cemetery near the front.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "France", "Belgium"), nullptr) << listing(x);
  x = run("On Monday in Belgium, French soldiers guarded the entrance of the summit venue.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "France", "Belgium"), nullptr) << listing(x);
}

// "alerted the Country A military that warplanes would begin flying missions in X": the place is in a relative
// clause with a subject of its own, which says what that subject does there, not where the forces are
TEST(InteractionPrecision, APlaceInAnotherSubjectsRelativeClauseIsNotWhereTheForcesAre) {
  auto x = run("Minutes later, a Turkish official alerted the French military that warplanes would begin flying "
               "missions in Syria.");
  EXPECT_EQ(find(x, RelationType::DeployedTo, "France", "Syria"), nullptr) << listing(x);
  x = run("A Turkish official said the French military would remain in Syria until the spring.");
  EXPECT_NE(find(x, RelationType::DeployedTo, "France", "Syria"), nullptr) << listing(x);
}

// "X, during a phone call with Y, urged Z to ...": the name nearest before the verb is the party of the call,
// not the subject of the urging; Y did not speak with Z
TEST(InteractionPrecision, ThePartyOfAPhoneCallPhraseIsNotTheSubjectOfTheVerb) {
  auto x = run("Senate Majority Leader Anna Keller, during a phone call with Foreign Minister Olaf Scholz, urged "
               "Emmanuel Macron to raise the issue, saying: \"It would be a mistake to wait.\"");
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Olaf Scholz", "Emmanuel Macron"), nullptr) << listing(x);
  EXPECT_NE(find(x, RelationType::SpokeWith, "Anna Keller", "Olaf Scholz"), nullptr) << listing(x);
  x = run("Olaf Scholz urged Emmanuel Macron in a phone call on Monday to raise the issue with Beijing.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Olaf Scholz", "Emmanuel Macron"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
