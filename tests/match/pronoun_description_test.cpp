// Pronouns after a description of a person that opens their sentence (kgraph issue 12, "coref"): "The
// top US diplomat returned from Y, where he met X" -- the pronoun stands for the description, which
// the resolver bound to no one, never for a person named in an earlier sentence.
#include <gtest/gtest.h>

#include <string>

#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract::test {
namespace {

TEST(PronounDescription, PronounAfterOpeningDescriptionIsNotAnEarlierPerson) {
  auto x = run(
      "Treasury Secretary John Roe said on Thursday that he would not attend the investment conference in Riyadh. "
      "No other officials will attend in his place, an administration source said. "
      "The top US diplomat returned on Wednesday from Riyadh, where he met with Crown Prince Mohammed bin Salman.");
  EXPECT_EQ(find(x, RelationType::MetWith, "John Roe", "Mohammed bin Salman"), nullptr) << listing(x);
}

TEST(PronounDescription, NameInAppositionStillBindsThePronoun) {
  auto x = run(
      "Treasury Secretary John Roe said on Thursday that he would not attend the investment conference in Riyadh. "
      "The top US diplomat, Mike Pompeo, returned on Wednesday from Riyadh, where he met with Crown Prince "
      "Mohammed bin Salman.");
  EXPECT_NE(find(x, RelationType::MetWith, "Mike Pompeo", "Mohammed bin Salman"), nullptr) << listing(x);
  EXPECT_EQ(find(x, RelationType::MetWith, "John Roe", "Mohammed bin Salman"), nullptr) << listing(x);
}

}  // namespace
}  // namespace kgraph::extract::test
