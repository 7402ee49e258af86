// spoke_with forms over the dependency parse: each rule on a sentence written for the test,
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

// "X said on Outlet A's \"Programme B\"": a broadcast the speaker spoke on; not "said on
// Outlet A's website" (a page, no broadcast)
TEST(SpokeForms, SaidOnAnOutletsProgramme) {
  auto x = run("\"We will not accept this,\" Olaf Scholz said on CNN's \"State of the Union\" on Sunday.");
  expect_rule(find(x, RelationType::SpokeWith, "Olaf Scholz", "CNN"), "spoke.verb.said-on-outlet");
  auto y = run("\"We will not accept this,\" Olaf Scholz said on CNN's website on Sunday.");
  EXPECT_EQ(find(y, RelationType::SpokeWith, "Olaf Scholz", "CNN"), nullptr) << listing(y);
}

// "X is a director at A - B, ... including interviews on Outlet C": the firm's name "A - B" names no one who
// gave the interviews; the subject before it does
TEST(SpokeForms, InterviewsGivenNotByAPieceOfAFirmName) {
  auto x = run("Daniel Fischer is a managing director at Brandt - Miller - a family-owned private equity firm - and "
               "often appears on business television, including regular interviews on Fox Business Network.");
  EXPECT_NE(find(x, RelationType::SpokeWith, "Daniel Fischer", "Fox Business Network"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Miller", "Fox Business Network"), nullptr) << listing(x);
}

// "a face-to-face conversation with X" is a meeting, no talk at a distance; "a conversation with X" may be either
TEST(SpokeForms, AFaceToFaceConversationIsNoCall) {
  auto x = run("Rishi Sunak is committed to having a face-to-face conversation with Olaf Scholz, his office said.");
  EXPECT_EQ(find(x, RelationType::SpokeWith, "Rishi Sunak", "Olaf Scholz"), nullptr) << listing(x);
  auto y = run("Rishi Sunak is committed to having a conversation with Olaf Scholz, his office said.");
  EXPECT_NE(find(y, RelationType::SpokeWith, "Rishi Sunak", "Olaf Scholz"), nullptr) << listing(y);
}

}  // namespace
}  // namespace kgraph::extract::test
