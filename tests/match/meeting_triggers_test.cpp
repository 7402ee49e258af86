// Meeting triggers added by h-trig2, on sentences written for the test: the relation comes from
// the parse rule named in the evidence.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

// the parties one discussed something with, named right after the verb, were met (met.verb.discuss-with)
TEST(MeetingTriggers, DiscussedWithPartiesBeforeTheObject) {
  auto x = run("Foreign Minister Annalena Baerbock said she had discussed with Antony Blinken and Josep Borrell "
               "the proposal for a ceasefire.");
  for (const char* other : {"Antony Blinken", "Josep Borrell"}) {
    const Relation* r = find(x, RelationType::MetWith, "Annalena Baerbock", other);
    ASSERT_NE(r, nullptr) << other;
    EXPECT_EQ(r->evidence.rule, "parse:met.verb.discuss-with") << other;
  }
}

TEST(MeetingTriggers, DiscussedItWithAPerson) {
  auto x = run("Chancellor Olaf Scholz discussed it with Emmanuel Macron in Paris on Monday.");
  const Relation* r = find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->evidence.rule, "parse:met.verb.discuss-with");
}

// a discussion by phone is no meeting
TEST(MeetingTriggers, DiscussedByPhoneIsNoMeeting) {
  auto x = run("Chancellor Olaf Scholz discussed it with Emmanuel Macron by phone on Monday.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Olaf Scholz", "Emmanuel Macron"), nullptr);
}

}  // namespace
}  // namespace kgraph::extract::test
