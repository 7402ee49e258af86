// Parties that only sit next to the real one (ontology/relations/vetoes.tsv): a body the parser took as the
// head of one flat name with a named person (party.body-heads-flat-person-*), and a meeting told in a relative
// clause of an "according to" source phrase, which a token-window rule gives the main clause's subject
// (party.in-source-phrase-*); each with a control sentence. When the parse reads "Org-A envoy X Y" as one
// flat name headed by the body, the person is taken as the party instead.
#include <gtest/gtest.h>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(SourcePartyVetoes, TheBodyBeforeAnEnvoysNameIsNoParty) {
  auto x = run("Merkel and Macron met with U.N.-Arab League envoy Kofi Annan about the potential for a new peace "
               "conference.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Angela Merkel", "U.N."), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::MetWith, "Emmanuel Macron", "U.N."), nullptr) << listing(x);
}

// the person whose title follows the body is the party (extract/match/rule_matcher.cpp, entity_at)
TEST(SourcePartyVetoes, TheEnvoyAfterTheBodyIsTheParty) {
  auto x = run("Merkel and Macron met with U.N.-Arab League envoy Kofi Annan about the potential for a new peace "
               "conference.");
  EXPECT_NE(find(x, RelationType::MetWith, "Angela Merkel", "Kofi Annan"), nullptr) << listing(x);
  EXPECT_NE(find(x, RelationType::MetWith, "Emmanuel Macron", "Kofi Annan"), nullptr) << listing(x);
}

TEST(SourcePartyVetoes, AMeetingInsideASourcePhraseIsNotTheSubjects) {
  auto x = run("The Pentagon on Monday told reporters that it had changed the text of the draft, according to "
               "diplomats who met with Lavrov on Sunday.");
  EXPECT_EQ(find(x, RelationType::MetWith, "Pentagon", "Sergey Lavrov"), nullptr) << listing(x);
}

TEST(SourcePartyVetoes, AMeetingOutsideASourcePhraseStays) {
  auto x = run("The Pentagon on Monday told reporters that it had changed the text of the draft, and the FBI met "
               "with Lavrov on Sunday.");
  EXPECT_NE(find(x, RelationType::MetWith, "FBI", "Sergey Lavrov"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
