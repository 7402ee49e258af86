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

// "X complained to Y in a phone call": a complaint made to a person in a call; made to a person in a
// speech it is no conversation
TEST(SpokeForms, ComplainedToAPersonInAPhoneCall) {
  auto x = run("Two days later, Olaf Scholz again complained to Rishi Sunak in a phone call.");
  expect_rule(find(x, RelationType::SpokeWith, "Olaf Scholz", "Rishi Sunak"), "spoke.verb.to-by-phone");
  auto y = run("Two days later, Olaf Scholz again complained to Rishi Sunak in a speech.");
  EXPECT_EQ(find(y, RelationType::SpokeWith, "Olaf Scholz", "Rishi Sunak"), nullptr) << listing(y);
}

// "When Y got a call from X": the caller and the one called spoke; a call for something is no call from someone
TEST(SpokeForms, ACallGotFromSomeone) {
  auto x = run("When Rishi Sunak got a similar call from Olaf Scholz, he declined the offer.");
  expect_rule(find(x, RelationType::SpokeWith, "Rishi Sunak", "Olaf Scholz"), "spoke.noun.call-from");
}

// "X said in an interview published by Outlet A": the interview is with the outlet that published it
TEST(SpokeForms, AnInterviewPublishedByAnOutlet) {
  auto x = run("\"The talks have failed,\" Olaf Scholz said in a recent interview published by The New York Times.");
  expect_rule(find(x, RelationType::SpokeWith, "Olaf Scholz", "New York Times"), "spoke.noun.interview-published");
}

// "X has not spoken about the affair with Y": the "with" party the parser hangs on the topic; negated
TEST(SpokeForms, SpokenAboutATopicWithSomeone) {
  auto x = run("Officials said Olaf Scholz has not spoken about the affair with Rishi Sunak, either.");
  const Relation* r = find(x, RelationType::SpokeWith, "Olaf Scholz", "Rishi Sunak");
  ASSERT_NE(r, nullptr) << listing(x);
  expect_rule(r, "spoke.verb.about-with");
  EXPECT_EQ(r->modality, Modality::Negated);
}

// "X was the fifth call after conversations with A, B and C": the subject of a copular clause is no party of a
// conversation that qualifies its predicate (vetoes.tsv spoke.subject-of-copular-predicate)
TEST(SpokeForms, CopularSubjectIsNoPartyOfTheConversations) {
  auto x = run("Olaf Scholz's phone call with Rishi Sunak came after a long day of conversations with other leaders -- "
               "Sunak was the fifth call after conversations with Emmanuel Macron, Justin Trudeau and Fumio Kishida.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Olaf Scholz", "Rishi Sunak"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Rishi Sunak", "Emmanuel Macron"), nullptr);
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Rishi Sunak", "Fumio Kishida"), nullptr);
}

// "Y described the call with X as productive": the one who describes a call is no party of it; the possessor
// of a call overheard is ("Z overheard Y's phone call with X")
TEST(SpokeForms, WhoDescribesACallIsNoPartyOfIt) {
  auto x = run("Sean Spicer described the call with Olaf Scholz as \"productive.\"");
  EXPECT_EQ(count(x, RelationType::SpokeWith), 0) << listing(x);
  auto y = run("Rishi Sunak overheard Emmanuel Macron's phone call with Olaf Scholz at a restaurant.");
  EXPECT_NE(find(y, RelationType::SpokeWith, "Emmanuel Macron", "Olaf Scholz"), nullptr) << listing(y);
  EXPECT_EQ(find(y, RelationType::SpokeWith, "Rishi Sunak", "Olaf Scholz"), nullptr) << listing(y);
}

}  // namespace
}  // namespace kgraph::extract::test
