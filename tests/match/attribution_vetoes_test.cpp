// The subject of an "as"-clause of speech ("as X has argued, ...") only comments on the meeting it names and
// is no party of it (ontology/relations/vetoes.tsv, party.as-speaker-comments-*), with a control sentence.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(AttributionVetoes, TheCommentatorOfAnAsClauseIsNoParty) {
  auto x = run("As Marco Rubio has argued, donors could not have met with Vladimir Putin.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Marco Rubio", "Vladimir Putin"), nullptr) << listing(x);
}

TEST(AttributionVetoes, TheSubjectOfTheMeetingStaysAParty) {
  auto x = run("As Marco Rubio has argued, Sergey Lavrov met with Vladimir Putin on Monday.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Marco Rubio", "Vladimir Putin"), nullptr) << listing(x);
  EXPECT_NE(find(x, RelationType::MetWith, "Sergey Lavrov", "Vladimir Putin"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
