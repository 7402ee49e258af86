// Conversations and meetings between two named parties: the rule forms of ontology/relations/rules.tsv
// added for them, each on a sentence written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(TalkForms, SpokeToAPersonToldAsDoneIsAConversation) {
  auto x = run("Antony Blinken spoke to German Chancellor Olaf Scholz on Sunday about the war in Ukraine.");
  const Relation* r = find(x, RelationType::SpokeWith, "Antony Blinken", "Olaf Scholz");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->evidence.rule, "parse:spoke.verb.to-done");
  EXPECT_EQ(r->modality, Modality::Asserted);
  EXPECT_EQ(count(x, RelationType::MetWith), 0);
}

TEST(TalkForms, SpokeToEachConjunct) {
  auto x = run("Antony Blinken also talked to Olaf Scholz and Emmanuel Macron on Monday.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Antony Blinken", "Olaf Scholz"), nullptr) << listing(x);
  EXPECT_NE(find(x, RelationType::SpokeWith, "Antony Blinken", "Emmanuel Macron"), nullptr) << listing(x);
}

TEST(TalkForms, TalkToAnnouncedOrSupposedIsNoConversation) {
  // a talk to come at a summit is a meeting there, and one someone was asked to have did not happen
  auto planned = run("Antony Blinken said he will talk to Olaf Scholz at the summit in Madrid next month.");
  EXPECT_EQ(find(planned, RelationType::SpokeWith, "Antony Blinken", "Olaf Scholz"), nullptr);
  auto asked = run("Rishi Sunak never asked Antony Blinken to talk to Olaf Scholz.");
  EXPECT_EQ(find(asked, RelationType::SpokeWith, "Antony Blinken", "Olaf Scholz"), nullptr);
  EXPECT_EQ(find(asked, RelationType::SpokeWith, "Rishi Sunak", "Olaf Scholz"), nullptr);
}

TEST(TalkForms, AMealAtWhichAFutureDayEndsIsPlanned) {
  // the meal is the oblique of a verb in the future: it is still to come (ModalityScope: an oblique
  // otherwise says when or where, not whether)
  auto x = run("Olaf Scholz and his wife will end their first day in Paris at a dinner with Emmanuel Macron.");
  const Relation* r = find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr) << listing(x);
  EXPECT_EQ(r->modality, Modality::Planned);
  auto y = run("Olaf Scholz will raise the issue during talks with Emmanuel Macron in Paris.");
  const Relation* s = find(y, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(s, nullptr) << listing(y);
  EXPECT_EQ(s->modality, Modality::Planned);
}

TEST(TalkForms, TheLastWordOfAPatronymicIsNoSurname) {
  // the office-holder table's "Mohammed bin Salman" is not the "King Salman" a minister met: in "X bin Y"
  // the last word is the father's name
  auto x = run("Secretary of State Mike Pompeo met with King Salman in Jeddah on Monday.", "2019-06-25");
  const Entity* king = by_mention(x, "Salman");
  ASSERT_NE(king, nullptr) << listing(x);
  EXPECT_NE(king->name, "Mohammed bin Salman");
  EXPECT_NE(find(x, RelationType::MetWith, "Mike Pompeo", king->name), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
