// Conversations and meetings between two named parties: their modality and the names of their
// parties, each on a sentence written for the test.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

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
