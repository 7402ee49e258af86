// Arguments news names by a description or a reference word rather than a plain title: a country's
// word and a word for its ruler before a name ("Country-A dictator X"). Sentences written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.hpp"
#include "tests/support/pipeline_fixture.hpp"

namespace kgraph::extract {
namespace {

// "dictator", "strongman" are words for a country's leader (titles.tsv, kind head): the name after
// them is the party of the meeting, and the country's word before them says whose leader.
TEST(ReferenceWords, RulerWordBeforeANameIsATitle) {
  const Extraction x = test::run(
      "Prime Minister Anna Lindqvist said on Tuesday that her long-awaited summit with Belarusian strongman "
      "Viktor Sokolenko had ended without an agreement.\n");
  EXPECT_TRUE(test::find(x, RelationType::MetWith, "Anna Lindqvist", "Viktor Sokolenko")) << test::listing(x);
}

TEST(ReferenceWords, DictatorWordGivesTheCountry) {
  const Extraction x = test::run(
      "Syrian dictator Omar Haddad met with Chinese Foreign Minister Li Wenjun in Damascus on Monday.\n");
  EXPECT_TRUE(test::find(x, RelationType::MetWith, "Omar Haddad", "Li Wenjun")) << test::listing(x);
  EXPECT_TRUE(test::holds(x, "Omar Haddad", "Syria")) << test::listing(x);
}

}  // namespace
}  // namespace kgraph::extract
