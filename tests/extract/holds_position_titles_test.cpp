// holds_position from titles the way news writes them: spellings of a title the lexicon must know
// (a hyphenated "national-security adviser"). Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

TEST(HoldsPositionTitles, HyphenatedNationalSecurityAdviser) {
  const Extraction x = test::run(
      "The president's national-security adviser Mark Ellison warned Iran that the United States would "
      "respond.\n");
  EXPECT_TRUE(test::holds(x, "Mark Ellison", "United States")) << test::listing(x);
}

TEST(HoldsPositionTitles, HyphenatedDeputyNationalSecurityAdviser) {
  const Extraction x = test::run(
      "The deputy national-security adviser Laura Bennett told reporters that the United States would not "
      "lift the sanctions.\n");
  EXPECT_TRUE(test::holds(x, "Laura Bennett", "United States")) << test::listing(x);
}

// A national title in a sentence that names no country: the country of the sentence before.
TEST(HoldsPositionTitles, NationalTitleTakesThePreviousSentencesCountry) {
  const Extraction x = test::run(
      "Italy is insisting that any military strike must be authorized by the Security Council.\n\n"
      "Briefing parliament on Tuesday, Foreign Minister Paola Ferri called the attack a crime.\n");
  EXPECT_TRUE(test::holds(x, "Paola Ferri", "Italy")) << test::listing(x);
}

// Not when the sentence before names two countries.
TEST(HoldsPositionTitles, NoPreviousCountryWhenItNamesTwo) {
  const Extraction x = test::run(
      "Italy and Spain are insisting that any military strike must be authorized by the Security Council.\n\n"
      "Briefing parliament on Tuesday, Foreign Minister Paola Ferri called the attack a crime.\n");
  EXPECT_FALSE(test::holds(x, "Paola Ferri", "Italy")) << test::listing(x);
  EXPECT_FALSE(test::holds(x, "Paola Ferri", "Spain")) << test::listing(x);
}

// A monarch's title is a national office: with no country beside it, the one the text is about.
TEST(HoldsPositionTitles, KingOfTheCountryTheTextIsAbout) {
  const Extraction x = test::run(
      "Belgium welcomed the visit on Monday, and Belgium's government prepared a dinner. The president will meet "
      "King Laurent at the palace on Tuesday.\n");
  EXPECT_TRUE(test::holds(x, "Laurent", "Belgium")) << test::listing(x);
}

// A list of titled names after one country's word: each title is that country's.
TEST(HoldsPositionTitles, ListOfTitledNamesSharesTheCountry) {
  const Extraction x = test::run(
      "The delegation held talks in Beijing with Chinese President Wen Hao, Premier Zhao Ming and State "
      "Councilor Liu Bing on Monday.\n");
  EXPECT_TRUE(test::holds(x, "Wen Hao", "China")) << test::listing(x);
  EXPECT_TRUE(test::holds(x, "Zhao Ming", "China")) << test::listing(x);
  EXPECT_TRUE(test::holds(x, "Liu Bing", "China")) << test::listing(x);
}

// No country word at the head of the list: no country from it.
TEST(HoldsPositionTitles, ListWithoutACountryGivesNone) {
  const Extraction x = test::run(
      "Officials from France and Germany met in Brussels with President Wen Hao and Premier Zhao Ming.\n");
  EXPECT_FALSE(test::holds(x, "Zhao Ming", "France")) << test::listing(x);
  EXPECT_FALSE(test::holds(x, "Zhao Ming", "Germany")) << test::listing(x);
}

}  // namespace
}  // namespace kgraph::extract
